"""Word lists for the privacy guard in buurtlog/privacy.py.

This module is the one source of truth: static/js/privacy-words.js is generated from it with
``python -m buurtlog.privacy_js`` and tests/test_privacy.py checks that the file is up to date.
Every list is a frozenset (a JavaScript Set) or a tuple (a JavaScript array).
"""

from __future__ import annotations

# Common first names of people living in the Netherlands, one string per origin. Names that are
# also an ordinary Dutch word at the start of a sentence ("Wil", "Roos", "Tien", "Toon", "Mei")
# are left out or kept for the middle of a sentence only (MID_SENTENCE_NAMES).


def _words(*texts: str) -> frozenset[str]:
    """Split space-separated word lists into one set."""
    return frozenset(" ".join(texts).split())


_FIRST_NAMES_BY_ORIGIN: dict[str, str] = {
    "dutch": (
        "Aad Aafje Aagje Aaltje Aart Abel Adri Adriaan Adriana Adrianus Adrie Agnes Albert Alida "
        "Alie Allard Amber Amy Andries Angela Anita Anja Ank Anke Anna Anne Anne-Fleur Anne-Marie "
        "Anneke Annelies Annemarie Annemiek Annet Annette Annie Anouk Ans Anton Ard Arend Arie "
        "Arjan Arjen Arno Arnold Astrid Auke Aukje Bart Bastiaan Bauke Baukje Bente Bep Beppie "
        "Bernard Bert Bertus Betsie Betty Bianca Bo Bob Bram Bregje Brenda Brigitte Britt Carla "
        "Carlijn Carolien Caroline Cas Cees Chantal Charlotte Christel Cindy Claudia Cobi Coby "
        "Conny Cor Corina Cornelia Cornelis Corrie Corry Daan Daniëlle Danny Demi Dennis Dewi Dex "
        "Diana Dick Dieneke Dieuwke Dineke Dini Dinie Dirk Dirk-Jan Dora Dorien Dries Dylan Eddy "
        "Edwin Eef Eelco Elin Eline Elise Ella Ellen Ellie Elly Els Emma Erik Esmee Esther Eva "
        "Evert Evi Fay Femke Fenna Fenne Ferry Fien Finn Fleur Floor Floris Fokke Frank Frans Fred "
        "Freek Frits Gea Geert Geertje Geertruida Gerard Gerben Gerda Gerdien Gerdina Gerrit "
        "Gerrit-Jan Gerry Gert Gert-Jan Gijs Gonnie Gonny Greet Greetje Griet Gré Guus Hanna "
        "Hanneke Hannie Hans Harm Harry Hein Hendrik Hendrika Hendrikus Henk Henk-Jan Hennie Henny "
        "Henriëtte Herman Hester Hetty Hidde Hilde Hugo Huib Huub Ida Ids Ilona Ilse Ina Ineke "
        "Inge Ingrid Irene Iris Isa Isabel Ivo Jaap Jacob Jacoba Jacqueline Jan Jan-Peter "
        "Jan-Willem Willem Janneke Jannie Janny Jantje Jasmijn Jasper Jayden Jeanne Jeannette "
        "Jelle Jenny Jens Jeroen Jesse Jet Jetske Jetty Jill Jip Jo Joep Johan Johanna Johannes "
        "Joke Jolanda Joop Joost Jopie Jorien Joris Jorn Jos Judith Julia Julian Julie Jurgen "
        "Jurre Kai Karel Karin Kees Kevin Kim Klaartje Klaas Kobus Koen Koos Lars Leen Lenie "
        "Lennard Leny Leo Levi Lieke Lies Liesbeth Linda Lisa Liv Loek Loes Lotje Lotte Louis Loïs "
        "Lucas Luna Luuk Lynn Maarten Machteld Manon Marcel Marga Maria Marian Marianne "
        "Marie-Louise Marieke Marijke Marinus Marit Mariëlle Marja Marjan Marjolein Mark Marleen "
        "Marloes Marry Martha Martijn Martin Mathijs Mats Matthijs Maud Maurits Mees Meike Melle "
        "Merel Michel Mieke Mien Miep Mies Mike Mila Milan Milou Miranda Mirjam Mirthe Monique "
        "Morris Nel Nelleke Nelly Nick Nico Niels Nienke Nina Noa Noah Nol Noor Nora Noud Nova "
        "Noël Nynke Olaf Olivier Patricia Paul Pepijn Peter Petra Petronella Piet Pieter "
        "Pieter-Jan Pim Puck Remco Renate Rens René Renée Ria Rick Riek Rien Riet Rietje Rik Rina "
        "Rineke Rini Rinske Rinus Rob Robert Robin Roel Roelof Romy Ronald Roosje Rosalie Ruben "
        "Rutger Ruud Ryan Saar Sam Sander Sandra Sanne Sasha Saskia Sem Sep Siebe Siem Sil Simone "
        "Sjaak Sjef Sjoerd Sjors Sonja Sophie Stan Stefan Sterre Stijn Suus Suzanne Sven Tess Teun "
        "Teuntje Thea Theo Thijs Thomas Ties Tijmen Tijn Tim Tineke Tiny Tom Ton Tonnie Tonny Toos "
        "Trees Truus Tygo Veerle Vera Vince Vincent Wendy Wessel Wilhelmina Willem Willemijn Willy "
        "Wilma Wim Wout Wouter Yfke Yvonne Zara Zoë"
    ),
    "frisian": (
        "Doutzen Douwe Durk Eelke Fokje Folkert Froukje Geart Gerbrich Germ Haije Hessel Hiltje "
        "Hylke Janke Jetze Jildou Jitske Jouke Lieuwe Lolkje Marrit Meindert Minke Oebele Pier "
        "Reinder Rients Rixt Sietse Sietske Sipke Sjouke Sjoukje Sybren Sytske Tjalling Tjeerd "
        "Tjitske Tsjerk Wiebe Wietske Wopke Wytze Yde Ymkje Ype"
    ),
    "moroccan": (
        "Abdel Abdelali Abdelaziz Abdelhak Abdelhamid Abdelilah Abdelkader Abdellah Abdelmajid "
        "Abderrahim Abderrahman Abderrazak Abdeslam Abdessamad Abdou Adam Adil Ahmed Aicha Amal "
        "Amina Amine Anas Anass Anouar Asma Asmae Assia Ayman Aymane Ayoub Aziz Aziza Aïcha Badr "
        "Bilal Bouchra Brahim Btissam Chadia Chaima Chakib Dounia Driss Fadma Fadoua Faouzi Fatiha "
        "Fatima Fatna Fouad Ghizlane Habiba Hafida Hafsa Hajar Hakim Hakima Halima Hamid Hamza "
        "Hanan Hanane Hasna Hassan Hassna Hayat Hicham Hind Houda Houssine Ibtissam Idriss Ikram "
        "Ikrame Ilham Ilias Ilyas Ilyass Imad Imane Imran Ismael Ismail Jamal Jamila Jaouad Jihane "
        "Kaoutar Karim Karima Kenza Khadija Khalid Khalil Lahcen Lamyae Latifa Loubna Malika "
        "Marouane Mehdi Meryem Mimoun Mina Mo Mohamed Mohammed Mohcine Mohssine Mouhcine Mounia "
        "Mounir Mourad Moussa Mustafa Mustapha Nabil Nadia Naima Najat Nassim Nawal Nezha Nisrine "
        "Nordin Nour Noura Noureddine Nouri Omar Othman Ouafae Oumaima Rachid Rachida Rahma Rajae "
        "Rania Rayan Reda Redouan Ridouan Rkia Sabrina Safae Said Saida Salah Salima Salma Samir "
        "Samira Sanaa Sanae Saïd Selma Siham Sofian Souad Soufiane Soufyan Souhaila Soumaya Tarik "
        "Touria Wafae Wassim Wiam Yamina Yasmina Yasmine Yassin Yassine Younes Youness Yousef "
        "Yousra Youssef Zahra Zakaria Zakia Zineb Zohra Zoubida"
    ),
    "turkish": (
        "Ahmet Ali Alper Arda Aslı Ayla Aylin Aynur Ayse Ayşe Baris Barış Batuhan Berat Berkay "
        "Betül Beyza Burak Buse Busra Büşra Can Cem Cemile Deniz Derya Dilan Dilara Dilek Duygu "
        "Ebru Ece Eda Efe Ege Ela Elif Emine Emir Emre Enes Engin Ercan Erdal Erdem Erkan Esma "
        "Esra Fadime Fatih Fatma Ferhat Filiz Furkan Gamze Gizem Gökhan Gül Gülay Gülsüm Gülten "
        "Hacer Hakan Halil Harun Hasan Hatice Havva Hilal Huseyin Hülya Hüseyin Hüsnü Ibrahim "
        "Ilhan Ilker Ipek Irem Kaan Kadir Kemal Kenan Kerem Kübra Levent Leyla Mehmet Melek Melike "
        "Mert Merve Mesut Metin Murat Nazli Nazlı Necati Nermin Nesrin Nihat Nuran Nuri Nurten "
        "Oguz Onur Orhan Osman Ozan Oğuz Pinar Pınar Rabia Ramazan Recep Saliha Sedat Selim Selin "
        "Semih Sena Serdar Serkan Serpil Sevda Sevgi Sevim Sibel Sinan Songul Songül Suat Sultan "
        "Sümeyye Tarık Tayfun Tolga Turgay Tuğba Tülay Ugur Umut Uğur Veli Volkan Yakup Yasemin "
        "Yasin Yavuz Yağmur Yiğit Yunus Yusuf Zafer Zehra Zeliha Zeynep Ömer Ömür Özge Özlem Ümit "
        "Şerife Şükran"
    ),
    "surinamese_hindustani": (
        "Anand Angelo Anil Anjali Asha Ashley Ashwin Carmen Chandra Churandy Clyde Devi Dharmendra "
        "Dinesh Dwayne Dwight Edgar Edson Errol Ethel Geeta Gerold Ginelly Giovanni Gita Gladys "
        "Glenn Gracia Gregory Hilda Humphrey Indira Ivette Iwan Jairo Jeanette Jeffrey Jennifer "
        "Jerrel Johnny Jordy Juanita Juliana Jurmaine Jyoti Kamla Kavita Kelvin Kenneth Kenny "
        "Kiran Kishan Krishna Lakshmi Lalita Leela Lloyd Lucia Mahendra Mahesh Marcia Maritza "
        "Marlon Mavis Meena Melanie Milagros Mitchell Naomi Naresh Natasja Nathalie Nirmala Nisha "
        "Norman Omayra Orlando Padma Patrick Pooja Poonam Pravin Prem Priscilla Priya Quincy "
        "Rachel Radha Radjesh Radjinder Rajendra Rajesh Rajkumar Rakesh Ramesh Ramon Rani Ranjit "
        "Ratna Ravi Raymond Regilio Remy Reshma Ricardo Ricky Rigo Rishi Rita Robby Rodney Rohit "
        "Romano Roshni Rosita Roy Roëlla Rudy Ruth Ruthline Sandeep Sangeeta Sanjay Sari Sarita "
        "Satish Savitri Seema Sergio Shailesh Shanta Shanti Shantie Sharmila Sharon Sherida "
        "Shirley Shiva Shurandy Sita Soeresh Soerin Sonia Soraya Sunil Sunita Suresh Sushila Urvin "
        "Usha Vanita Varsha Vijay Virginio Wati Wendell Xiomara Yanti Yolanda"
    ),
    "polish_eastern_european": (
        "Adnan Adrian Agata Agnieszka Aleksandar Aleksandra Alexandru Alexei Amra Ana Andreea "
        "Andrei Andrzej Barbara Bartek Bartosz Basia Beata Bogdan Ciprian Constantin Cristian "
        "Damian Daniela Dariusz Dawid Dejan Desislava Dimitar Dmitri Dorota Dragan Dragana Dumitru "
        "Edin Elena Elvira Ewa Ewelina Florentina Florin Gabriela Galina Georgi Georgiana Gheorghe "
        "Goran Gosia Grażyna Grzegorz Haris Hristo Igor Ioana Ion Ionut Irena Irina Iulia Ivan "
        "Ivana Ivanka Ivaylo Iwona Jacek Jakub Jana Janusz Jarek Jarosław Jelena Jerzy Joanna "
        "Justyna Kacper Kamil Karolina Kasia Katarzyna Krystian Krzysztof Lejla Lucie Ludmila "
        "Lukasz Maciej Magda Magdalena Marcin Marek Marius Mariusz Marko Marta Martina Mateusz "
        "Małgorzata Michal Michał Mihaela Mihai Mikhail Milena Mirela Mirsad Monika Natalia "
        "Natascha Natasha Nenad Nicoleta Nikita Nikola Nikolai Nikolay Oleg Olga Oskar Paulina "
        "Pavel Pawel Paweł Petr Petya Piotr Plamen Przemek Radka Radu Rafal Rafał Ralitsa Raluca "
        "Renata Rumyana Sanja Senad Sergei Sergey Silvia Snežana Stanisław Stoyan Svetlana Sylwia "
        "Szymon Sławomir Tadeusz Tatiana Tatjana Todor Tomasz Tomek Tsvetelina Urszula Valentina "
        "Vasile Vesna Vladimir Weronika Wiktor Wojciech Wojtek Yordan Zbigniew Zofia Zoran Zuzana "
        "Zuzanna Łukasz"
    ),
    "ukrainian": (
        "Alina Anastasia Anastasiia Anatolii Andrii Andriy Artem Bohdan Bohdana Daria Dariia Denys "
        "Dmytro Halyna Ihor Inna Iryna Kateryna Khrystyna Kyrylo Larysa Lesia Lesya Liliia "
        "Liudmyla Lyudmyla Maksym Mariia Mykhailo Mykola Myroslava Nadiia Nataliia Nataliya Nazar "
        "Oksana Oksanka Oleh Oleksandr Oleksii Olena Olha Pavlo Petro Polina Ruslan Serhii Serhiy "
        "Sofia Sofiia Solomiia Svitlana Taras Tetiana Tetyana Ulyana Valentyna Vasyl Veronika "
        "Viktor Viktoria Viktoriia Vitalii Vlad Vladyslav Volodymyr Yana Yevhen Yulia Yuliia Yurii "
        "Yuriy Zlata"
    ),
    "arabic_syrian_iraqi": (
        "Abdallah Abdullah Abdulrahman Ahmad Aisha Alaa Amani Amer Amira Amjad Ammar Anwar Asmaa "
        "Aya Ayat Ayham Basel Bashar Bassam Batoul Bushra Dalia Dima Duaa Emad Eman Fadi Farah "
        "Fares Fatema Feras Firas Ghada Ghalia Ghassan Hadeel Hadi Haitham Hala Hamdi Hamoudi "
        "Hanadi Hani Hanin Hazem Heba Hiba Huda Hussam Hussein Issa Iyad Jamil Jihad Joud Karam "
        "Kareem Khaled Laila Laith Lamar Lana Layla Leila Lina Louay Lubna Maha Mahdi Maher "
        "Mahmoud Majd Majed Malak Malek Manal Mariam Marwan Maryam Masa Maya Mazen Moaz Mohamad "
        "Mohammad Mohanad Muhammad Muhannad Nada Nasser Nisreen Nizar Obada Omran Osama Qusai "
        "Raghad Rahaf Rami Rana Rasha Rawan Razan Reem Riad Rim Rima Ruba Rula Saeed Saleh Sama "
        "Samer Sami Sana Sawsan Shahd Shaima Sidra Suha Taghreed Tala Tamer Tarek Wael Wafaa "
        "Waleed Walid Widad Yahya Yara Yaser Yasmeen Yasmin Yasser Yazan Zahraa Zaid Zain Zainab "
        "Zaynab Zeina Ziad"
    ),
    "eritrean_ethiopian": (
        "Abeba Abebe Abraham Aklilu Almaz Amanuel Asmerom Aster Awet Azieb Berhane Betelhem "
        "Bethlehem Biniam Birtukan Daniel Dawit Eden Efrem Elsa Ermias Feven Filmon Freweini Girma "
        "Goitom Haben Habte Habtom Haile Helen Henok Hermon Hiwet Kebede Kibrom Kidane Lidia Lidya "
        "Luwam Mahlet Mebrat Mehari Merhawi Meron Meseret Mesfin Michael Mihret Mulugeta Mussie "
        "Nardos Natnael Rahel Robel Ruta Saba Salem Samuel Sara Segen Selam Selamawit Semere "
        "Senait Simon Tekle Tesfalem Tesfay Tesfaye Tigist Tsega Tsehay Winta Yared Yemane Yodit "
        "Yohannes Yonas Yordanos Yosef Zerai"
    ),
    "somali": (
        "Abdi Abdiaziz Abdikadir Abdinasir Abdirahman Abdirizak Abdiwali Abdullahi Amran Asad "
        "Ayaan Bashir Cabdi Canab Deeqa Faadumo Farhan Fartun Filsan Guled Hamse Hawa Hibaaq Hibo "
        "Hodan Hodo Idil Ifrah Ikraan Jamac Khadar Liban Mahad Maryan Maxamed Muna Mustafe Nasra "
        "Nimco Sagal Sahra Shukri Sucaad Ubah Warsame Xasan Zamzam"
    ),
    "afghan_iranian_kurdish": (
        "Ajmal Amir Arash Avin Azad Azadeh Babak Baktash Baran Berfin Ciwan Dariush Delal Dilshad "
        "Diyar Evin Fahim Farhad Farid Farida Fatemeh Fawad Fereshta Freshta Habib Hamida "
        "Hamidullah Hasib Hevi Homa Hossein Hozan Jamshid Jawad Jiyan Karwan Kaveh Kawa Mahmood "
        "Mahnaz Majid Marzia Masood Massoud Mehran Mohsen Mojgan Mujtaba Nabila Najib Nalin Narin "
        "Nasrin Navid Nazanin Neda Omid Parisa Parvin Parwana Payam Rahim Rahima Ramin Rebwar Reza "
        "Rezan Rojda Rojin Roxana Roya Roza Sakina Samim Sediq Serhat Shabnam Shahram Shakila "
        "Sharif Sherzad Shilan Shirin Shokria Siamak Sidar Soheila Soran Tahmina Taraneh Wahid "
        "Welat Zabiullah Zalmai Zarghona Zia Zilan"
    ),
    "chinese_vietnamese": (
        "Ah-Fong Anh Binh Chun Cuong Duc Dung Fang Feng Hao Hieu Hoa Hua Hung Huong Jian Jie Jing "
        "Jun Ka-Wai Khanh Kwok Lan Lin Ling Linh Loan Mai Man-Yee Ming Minh Nga Ngoc Nhung Phuong "
        "Qiang Quang Quynh Siu Tao Thanh Thao Thuy Trang Trinh Tuan Vinh Wai Wing Xiao Xin Xuan "
        "Yan Ying Yue Yuk Yun"
    ),
    "west_african": (
        "Abdoulaye Abena Ade Adebayo Adjoa Afia Aissatou Akosua Akua Akwasi Ama Amaka Aminata Awa "
        "Ayo Bakary Blessing Bola Boubacar Chiamaka Chidi Chinedu Chioma Chukwuemeka Comfort Doris "
        "Ebuka Efua Ekow Ekua Emeka Emmanuel Esi Faith Fatoumata Femi Folake Funmi Gifty Grace "
        "Ibrahima Ifeoma Ijeoma Ikenna Joyce Kadiatou Kemi Kofi Kojo Kwabena Kwadwo Kwaku Kwame "
        "Kwasi Kweku Kwesi Mamadou Mariama Mercy Nana Ngozi Nkechi Nneka Obinna Oluwaseun Osei "
        "Oumar Ousmane Patience Precious Princess Sekou Seun Seydou Tobi Tunde Uche Ugochi Yaa Yaw "
        "Yetunde"
    ),
    "international": (
        "Alessandro Alex Alexander Alexandra Andrea Andreas Andrew Angelique Anthony Antonio "
        "Benjamin Birgit Brian Camille Carlos Charles Chiara Chris Christian Claire Céline David "
        "Dean Denise Dominique Eduardo Edward Emily Fernanda Francesca Francisco Gabriel George "
        "Giulia Henry Hélène Isabella Isabelle Jack Jacques James Jamie Jason Jean Jessica John "
        "Jorge Joseph José Joy João Juan Justin Jürgen Kayleigh Kelly Kimberly Klaus Kyle Laura "
        "Lily Louise Luca Luis Manuel Marco Marie Mario Mary Matthew Melissa Mia Michelle Miguel "
        "Nathan Nicole Nuno Oliver Olivia Paula Pedro Pierre Rafael Rebecca Richard Rosa Sabine "
        "Samantha Sarah Shanice Sophia Stephanie Steven Sylvia Sébastien Tamara Tiago Vanessa "
        "Victoria Wolfgang"
    ),
}
FIRST_NAMES: frozenset[str] = _words(*_FIRST_NAMES_BY_ORIGIN.values())

# Names that are also a common word, so they count only inside a sentence ("met Roos") or with a
# surname ("Bas de Jong"), never alone at the start of a sentence ("Max 10 mensen", "Ben je er?").
MID_SENTENCE_NAMES: frozenset[str] = _words(
    "Ben Bas Roos Wil Max Lot Job Jade Roman Marina Storm Kader",
)

# Listed first names that are also ordinary words when written in lower case ("de roos", "12 jan",
# "een ton", "hij koos"), so only their capitalised form counts.
LOWERCASE_NOT_NAMES: frozenset[str] = _words(
    "amber amine arend aster benjamin blessing bob can comfort demi dick dung els emir faith fang "
    "ferry fien fleur floor frank gifty germ grace greet henry hung ids ion iris jack jan jasmijn "
    "jean jet jihad joke joy jun kelvin kim koos lan lies loan lotje luis marjolein mark marry "
    "mats mees mercy merel nada nana patience peter pier piet precious princess riet rim rob said "
    "sari sep sultan tao ties tiny ton trees harm wing leen",
)

# Common surnames that are no ordinary word: Dutch, Moroccan, Turkish, Surinamese, Antillean,
# Polish. Surnames that are words ("Bakker", "Bos", "Post", "de Groot") need a cue instead.
SURNAMES: frozenset[str] = _words(
    "Aarab Abdellaoui Acar Achahbar Adeyemi Ahmadi Akhnikh Akin Aksoy Akın Alaoui Altun Amrani "
    "Amziane Amzil Aouragh Appiah Arslan Asante Aslan Autar Avci Avcı Aydin Aydın Azzouz Azzouzi "
    "Bakkali Baldew Belhaj Benaissa Benali Bennani Bhagwandin Biharie Bissumbhar Blom Boateng "
    "Boersma Bosman Bouali Bouchtaoui Bouharrou Boukhari Boukhriss Boulahrouz Boutaher Bouzid "
    "Bozkurt Brinkman Brouwer Brunings Bui Bulut Cakir Celik Cetin Chaara Chakir Chaouch Charif "
    "Chen Chotkan Cijntje Claassen Coskun Coşkun Dang Darkaoui Dekker Demir Dijkhuis Dijkman "
    "Dijkstra Dogan Doran Doğan Driessen Duman Duong Elamrani Elidrissi Elkhattabi Elmoussaoui "
    "Emanuels Essafi Evers Ezzahraoui Gerrits Gerritsen Ghazi Guler Gunes Güler Güneş Haddad "
    "Haddou Haddouchi Haidari Hajji Hamdaoui Hammouti Hendriks Hendrikx Hermans Hoang Hoekman "
    "Hoekstra Hofman Hoogendoorn Hoogeveen Hosseini Hoving Huang Huisman Huynh Idrissi Isenia "
    "Jacobs Jagernath Jagessar Janga Jansen Janssen Janssens Jonker Jonkers Kalloe Kamphuis Kanhai "
    "Kaplan Karaca Karimi Kartosen Kaya Keskin Khattabi Kilic Kocak Korkmaz Koster Kowalczyk Koç "
    "Koçak Kramer Kromodimedjo Kuijpers Kuiper Kuipers Kılıç Lachman Laghmouchi Lambers Lammers "
    "Lamrani Leito Liu Maduro Mahabier Mangroe Mansouri Martens Marzouki Meijer Mensah Mercelina "
    "Mertens Meyer Mohammadi Moussaoui Mulder Narain Ngo Nguyen Nowak Okafor Okoro Oosterhof "
    "Ouaali Ouahabi Ouali Ouazzani Owusu Ozdemir Ozer Ozkan Ozturk Persad Peters Pham Pieters "
    "Pieterse Pietersen Pinas Polat Postma Rahimi Rahmouni Ramautar Rambaran Ramcharan Ramdas "
    "Ramdin Ramkisoen Ramlal Ramnath Ramsahai Ramsaran Ramsoedh Rezaei Rosaria Sahin Sanders "
    "Sardjoe Scholten Schouten Sewdien Sewnarain Simsek Smeets Smit Smits Soekhoe Steenbergen "
    "Tahiri Taouil Tekin Teunissen Timmermans Toprak Tran Truong Tunc Tunç Unal Uysal Veenstra "
    "Veldhuis Verbeek Verhagen Verheij Verhoef Verhoeven Vermeer Vermeulen Verschuren Verweij "
    "Visser Wang Wiersma Wijnands Wijngaarde Willems Winklaar Wolters Wouters Woźniak Wójcik "
    "Yahyaoui Yang Yildirim Yildiz Yilmaz Yousefi Yuksel Yüksel Yıldırım Yıldız Yılmaz Zaidi "
    "Zarrouk Zhang Zhao Zhou Zhu Ziani Zijlstra Çakır Çelik Çetin Önal Özdemir Özer Özkan Öztürk "
    "Ünal Şahin Şimşek",
)

# Endings of Slavic, Romanian, Turkish, Greek and Armenian surnames ("Kowalski", "Shevchenko",
# "Ivanova", "Popescu", "Karaoğlu"); a capitalised word of 6+ letters with one of them is a name.
SURNAME_ENDINGS: tuple[str, ...] = (
    "ski",
    "ska",
    "cki",
    "cka",
    "wicz",
    "czyk",
    "enko",
    "chuk",
    "czuk",
    "yuk",
    "ova",
    "eva",
    "ovic",
    "ović",
    "evic",
    "ević",
    "escu",
    "eanu",
    "oglu",
    "oğlu",
    "opoulos",
    "akis",
    "yan",
)

# Dutch name particles (tussenvoegsels) and their Arabic, Portuguese and Romance cousins.
PARTICLES: frozenset[str] = _words(
    "van de den der ter ten te el al la le da du von ben bin ait aït abu abou ibn ould dos das del "
    "di 't ’t",
)

# Capitalised words that are never a name: function words that open a sentence, days, months,
# holidays, places, countries, nationalities, languages, shops and organisations.
STOPWORDS: frozenset[str] = _words(
    "De Het Een Ik Jij Je Hij Zij Ze Wij We Jullie U Mijn Haar Zijn Hun Ons Onze Die Dat Deze Dit "
    "Er En Of Maar Want Dus Toen Daarna Daarom Ook Nog Wel Niet Geen Al Als Bij Met Voor Na Naar "
    "In Op Aan Uit Over Om Tot Van Vanaf Tijdens Sinds Door Via Langs Tegenover Naast Achter Onder "
    "Boven Tussen Rond Rondom Richting Binnen Buiten Zonder Tegen Volgens Namens Vanuit Vanwege "
    "Ondanks Dankzij Per Behalve Betreft Omdat Terwijl Nadat Voordat Zodat Wanneer Indien Hoewel "
    "Helaas Gelukkig Graag Vaak Soms Altijd Nooit Misschien Eigenlijk Inmiddels Intussen "
    "Ondertussen Binnenkort Vooral Alleen Zelfs Toch Weer Opnieuw Zowel Dan Elke Iedere Ieder "
    "Sommige Enkele Andere Welke Morgen Gisteren Vandaag Vanochtend Vanmorgen Vanmiddag Vanavond "
    "Vannacht Straks Later Eerst Verder Volgende Vorige Afgelopen Komende Nu Hier Daar Waar Wie "
    "Wat Hoe Waarom Ja Nee Oké Samen Veel Weinig Meer Minder Alle Iedereen Niemand Iemand Beide "
    "Twee Drie Vier Vijf Bel Mail Sprak Belde Vraag Stuur Totaal Maandag Dinsdag Woensdag "
    "Donderdag Vrijdag Zaterdag Zondag Januari Februari Maart April Mei Juni Juli Augustus "
    "September Oktober November December Pasen Kerst Kerstmis Ramadan Suikerfeest Offerfeest "
    "Koningsdag Oud Nieuw Sinterklaas Bevrijdingsdag Divali Keti Koti Utrecht Amsterdam Rotterdam "
    "Den Haag Nederland Holland Kanaleneiland Overvecht Lombok Hoograven Zuilen Ondiep Transwijk "
    "Lunetten Leidsche Rijn Vleuten Wijk Buurt Noord Zuid Oost West Centrum Binnenstad Marokko "
    "Turkije Suriname Polen Syrië Eritrea Irak Iran Afghanistan Somalië Ethiopië Soedan Jemen "
    "Egypte Algerije Tunesië Libië Ghana Nigeria Curaçao Aruba Bonaire Antillen Indonesië China "
    "Vietnam India Pakistan Bulgarije Roemenië Hongarije Oekraïne Rusland Duitsland België "
    "Frankrijk Spanje Portugal Italië Griekenland Engeland Amerika Brazilië Kaapverdië Libanon "
    "Palestina Israël Koerdistan Europa Afrika Azië Moldova Polska Hoceima Dhabi Nederlands "
    "Nederlandse Arabisch Arabische Turks Turkse Marokkaans Marokkaanse Surinaams Surinaamse "
    "Antilliaans Antilliaanse Syrisch Syrische Eritrees Eritrese Somalisch Somalische Afghaans "
    "Afghaanse Pools Poolse Bulgaars Bulgaarse Roemeens Roemeense Oekraïens Oekraïense Russisch "
    "Russische Iraaks Iraakse Iraans Iraanse Koerdisch Koerdische Chinees Chinese Vietnamees "
    "Vietnamese Ghanees Ghanese Hindoestaans Hindoestaanse Creools Creoolse Moluks Molukse Indisch "
    "Indische Indonesisch Indonesische Kaapverdiaans Kaapverdiaanse Egyptisch Egyptische "
    "Ethiopisch Ethiopische Duits Duitse Belgisch Belgische Engels Engelse Franse Spaans Spaanse "
    "Portugees Portugese Italiaans Italiaanse Europees Europese Afrikaans Afrikaanse Aziatisch "
    "Aziatische Islamitisch Islamitische Joods Joodse Christelijk Christelijke Tigrinya Berbers "
    "Tamazight Farsi Dari Pasjtoe Amhaars Papiaments Sranan Sarnami Hindi Urdu Mandarijn Kantonees "
    "Buurtsuper Wijkcentrum Buurthuis Buurtkamer Voedselbank Budgetmaatjes Geheugenhuis Taalcafé "
    "Taalhuis Humanitas Gemeente Buurtteam Wijkteam Wmo Stichting Bibliotheek Moskee Kerk Jumbo "
    "Lidl Aldi Plus Heijn Hema Action Kruidvat Etos Zeeman Primark Blokker Gamma Praxis Ikea Coop "
    "Spar Vomar Rabobank Zonnebloem Vluchtelingenwerk Schuldhulp Schuldhulpverlening Thuiszorg "
    "Jeugdzorg Ggz Ggd Mitros Portaal Woonin Ymere Vestia Woonstad Havensteder Rochdale Stadgenoot "
    "Woonbron Eneco Vitens Essent Vattenfall Ziggo Menzis Achmea Belastingdienst Toeslagen Uwv Cak "
    "Duo Sociaal Raadslieden Buurtzorg Careyn Cordaan Lumens Incluzio Kwadraad Sociom Vivium Amsta "
    "Politie Brandweer Google Facebook Instagram Youtube Netflix Marktplaats Nextdoor Ajax "
    "Feyenoord Repair Café Moestuin Speeltuin Koffie Thee Soep Speeltuintje Jongeren Ouderen "
    "Kinderen Mensen Buren",
)

# Stopwords that are surnames after a particle: "van der Meer", "van Rijn", "van Wijk".
SURNAME_WORDS: frozenset[str] = _words("Meer Rijn Wijk Oost West Haag")

# Proper-name phrases that start with a first name but are shops or places, not people.
NOT_NAME_PHRASES: tuple[str, ...] = (
    "Albert Heijn",
    "Anne Frank",
    "Jan Linders",
    "Sint Maarten",
    "Dirk van den Broek",
)

# A name token ending in one of these is a place or institution, so the whole span is no name.
PLACE_SUFFIXES: tuple[str, ...] = (
    "straatje",
    "straat",
    "laan",
    "plein",
    "pleintje",
    "gracht",
    "kade",
    "singel",
    "steeg",
    "plantsoen",
    "boulevard",
    "allee",
    "dreef",
    "school",
    "kerk",
    "moskee",
    "park",
    "centrum",
    "bibliotheek",
    "ziekenhuis",
    "kliniek",
    "buurt",
)

# Street-name endings for "street + house number" addresses.
STREET_SUFFIXES: tuple[str, ...] = (
    "straatje",
    "straat",
    "laan",
    "weg",
    "plein",
    "pleintje",
    "gracht",
    "kade",
    "singel",
    "dreef",
    "hof",
    "park",
    "pad",
    "steeg",
    "dijk",
    "baan",
    "plantsoen",
    "markt",
    "boulevard",
    "erf",
    "ring",
    "allee",
    "oord",
    "veld",
    "wal",
    "haven",
    "zijde",
)

# Ordinary nouns that happen to end in a street suffix.
NOT_STREETS: frozenset[str] = frozenset(
    {
        "Onderweg",
        "Snelweg",
        "Loopbaan",
        "Antwoord",
        "Akkoord",
        "Woord",
        "Speelveld",
        "Voetbalveld",
        "Kerkhof",
    }
)

# Title words that may open a multi-word street name ("Prins Hendriklaan", "Burg. Reigerstraat").
STREET_TITLES: frozenset[str] = frozenset(
    {
        "Prins",
        "Prinses",
        "Koning",
        "Koningin",
        "Graaf",
        "Gravin",
        "Hertog",
        "Burgemeester",
        "Burg",
        "Generaal",
        "Kapitein",
        "Admiraal",
        "Dokter",
        "Dr",
        "Mr",
        "Pastoor",
        "Professor",
        "Prof",
        "Sint",
        "St",
        "Van",
        "De",
        "Den",
        "Der",
        "Ter",
        "Ten",
        "Oude",
        "Nieuwe",
        "Lange",
        "Korte",
        "Grote",
        "Kleine",
        "Hoge",
        "Lage",
        "Eerste",
        "Tweede",
        "Derde",
    }
)

# Words after a number that make it a count, age, amount or date instead of a house number.
NUMBER_UNITS: frozenset[str] = frozenset(
    {
        "mensen",
        "kinderen",
        "kids",
        "jongeren",
        "jongens",
        "meiden",
        "meisjes",
        "personen",
        "deelnemers",
        "bezoekers",
        "buren",
        "bewoners",
        "vrijwilligers",
        "gezinnen",
        "huishoudens",
        "ouderen",
        "vrouwen",
        "mannen",
        "moeders",
        "vaders",
        "jaar",
        "jaren",
        "maanden",
        "maand",
        "weken",
        "week",
        "dagen",
        "dag",
        "uur",
        "uren",
        "minuten",
        "keer",
        "euro",
        "procent",
        "km",
        "meter",
        "kilo",
        "stuks",
        "kopjes",
        "flats",
        "woningen",
        "portieken",
        "fietsen",
        "auto",
        "bomen",
        "bankjes",
        "containers",
        "katten",
        "honden",
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
        "jan",
        "feb",
        "mrt",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dec",
    }
)

# Words before a formal name: "mevrouw Jansen", "dhr. J. de Wit", "fam. El Amrani", "gezin Kaya".
HONORIFICS: tuple[str, ...] = (
    "mevrouw",
    "meneer",
    "mejuffrouw",
    "juffrouw",
    "buurvrouw",
    "buurman",
    "de heer",
    "mevr",
    "mw",
    "dhr",
    "juf",
    "familie",
    "fam",
    "gezin",
    "echtpaar",
    "weduwe",
    "dr",
)

# Family and neighbours: "zijn dochter Esra", "de dochter van Jansen", "Gonda's zoon".
KIN_CUES: tuple[str, ...] = (
    "zoon",
    "zoontje",
    "dochter",
    "dochtertje",
    "kind",
    "kindje",
    "baby",
    "kleinzoon",
    "kleindochter",
    "kleinkind",
    "broer",
    "broertje",
    "zus",
    "zusje",
    "man",
    "vrouw",
    "echtgenoot",
    "echtgenote",
    "partner",
    "ex",
    "moeder",
    "vader",
    "oma",
    "opa",
    "tante",
    "oom",
    "ome",
    "neef",
    "nicht",
    "neefje",
    "nichtje",
    "schoonmoeder",
    "schoonvader",
    "schoonzoon",
    "schoondochter",
    "schoonzus",
    "zwager",
    "stiefvader",
    "stiefmoeder",
    "vriend",
    "vriendin",
    "vriendje",
    "vriendinnetje",
    "buurman",
    "buurvrouw",
    "buurjongen",
    "buurmeisje",
    "overbuurman",
    "overbuurvrouw",
    "bovenbuurman",
    "bovenbuurvrouw",
    "onderbuurman",
    "onderbuurvrouw",
    "weduwe",
)

# Words followed by a name: relatives, helpers, naming verbs ("heet", "genaamd", "volgens").
RELATION_CUES: tuple[str, ...] = KIN_CUES + (
    "kinderen",
    "kleinkinderen",
    "ouders",
    "zonen",
    "dochters",
    "broers",
    "zussen",
    "heet",
    "heette",
    "heten",
    "genaamd",
    "alias",
    "bijnaam",
    "roepnaam",
    "voornaam is",
    "achternaam is",
    "voornaam",
    "achternaam",
    "naam is",
    "naam was",
    "naam:",
    "ene",
    "zekere",
    "volgens",
    "aldus",
    "wijkagent",
    "huisarts",
    "dokter",
    "meester",
    "collega",
    "vrijwilliger",
    "vrijwilligster",
    "mantelzorger",
    "begeleider",
    "begeleidster",
    "coach",
    "maatje",
    "taalmaatje",
    "buddy",
    "tolk",
    "leraar",
    "lerares",
    "docent",
    "mentor",
    "stagiair",
    "stagiaire",
    "jongerenwerker",
    "wijkverpleegkundige",
    "zuster",
    "huismeester",
    "conciërge",
    "cliënt",
    "client",
    "bewoner",
    "bewoonster",
    "buurtbewoner",
    "buurtbewoonster",
)

# A single initial is a name only after one of these ("met A. Bakker"), not after "blok A.".
INITIAL_CUES: frozenset[str] = _words("met van bij voor aan door en of namens volgens")

# Lower-cased words that are no name and make the next capitalised word no name either: the head
# of an institution or event ("Stichting Al Amal", "Wijkcentrum Lydia", "Sint Jan", "Dag van de
# Mantelzorg") and common abbreviations ("N.B. Graag terugbellen").
NOT_NAME_HEADS: frozenset[str] = _words(
    "stichting vereniging moskee kerk school basisschool wijkcentrum buurthuis buurtcentrum "
    "dorpshuis speeltuin restaurant bakkerij slagerij supermarkt winkel kapsalon kapper café cafe "
    "hotel camping kinderboerderij theater museum huize villa residentie zorgcentrum verpleeghuis "
    "ziekenhuis kliniek praktijk apotheek sportschool sportclub club team project festival fonds "
    "netwerk platform loket dag week nacht maand huis raad kamer leger stad land bond ministerie "
    "dienst bureau hof laan plein park markt brug poort toren kasteel sint st prins prinses koning "
    "koningin graaf burgemeester wethouder minister provincie universiteit hogeschool ikc "
    "kindcentrum peuterspeelzaal opvang tafel lijn station overlast zwarte st. nb ps aub svp oa "
    "tav tnv bv nv ehbo sporthal zwembad snackbar cafetaria kringloop",
)

# Words for people (or a count of them) that open a sentence like a name: "Puber (14) gamet".
PERSON_NOUNS: frozenset[str] = _words(
    "jongen meisje puber kind baby peuter kleuter tiener dame heer student studente scholier "
    "leerling klant buurtgenoot nieuwkomer statushouder vluchteling alleenstaande oudere jongere "
    "deelnemer bezoeker aanwezig aanwezigen tweeling",
)

# Endings of institution names ("Buurtcentrum", "Sportclub"), checked on words of 2+ more letters.
ORG_SUFFIXES: tuple[str, ...] = (
    "huis",
    "centrum",
    "school",
    "kerk",
    "moskee",
    "kamer",
    "tuin",
    "zaal",
    "club",
    "winkel",
    "markt",
    "bank",
    "team",
    "punt",
    "loket",
    "plein",
    "park",
    "straat",
    "laan",
    "zorg",
    "werk",
    "kantoor",
    "station",
    "opvang",
    "boerderij",
    "theater",
    "museum",
    "praktijk",
    "vereniging",
    "stichting",
    "corporatie",
)

# "Het initiatief heet Groene Vingers", "de hond heet Max": things and pets have names too.
THING_NOUNS: frozenset[str] = _words(
    "initiatief project club groep stichting vereniging winkel zaak activiteit app buurtapp cursus "
    "hond kat poes konijn straat plein school flat complex gebouw tuin moestuin werkgroep "
    "programma festival actie team bedrijf restaurant café kraam boek film spel koor krant "
    "wijkkrant nieuwsbrief plek ruimte zaal huis buurthuis website evenement markt bijeenkomst "
    "avond middag ochtend",
)

# A lower-case first name right after one of these is an ordinary word ("de roos", "een mark").
DETERMINERS: frozenset[str] = _words(
    "de het een 'n die dat deze dit mijn m'n je jouw zijn z'n haar d'r hun ons onze uw elke ieder "
    "iedere geen veel welke zo'n te",
)

# An organisation's general mailbox (info@voedselbankutrecht.nl) is nobody's personal data.
ORG_MAILBOXES = frozenset(
    (
        "info",
        "contact",
        "secretariaat",
        "receptie",
        "balie",
        "administratie",
        "klantenservice",
        "servicedesk",
        "helpdesk",
        "support",
        "noreply",
        "no-reply",
        "office",
        "kantoor",
        "algemeen",
        "aanmelden",
        "aanmeldingen",
        "vrijwilligers",
        "redactie",
        "planning",
        "post",
        "mail",
    )
)
