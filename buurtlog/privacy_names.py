"""First names for the server's rules only: names the shared lists lack (issue 20).

The shared guard (buurtlog/privacy.py and its browser twin) holds the names it can afford on a
phone. This longer list weighs only on the server, the authority at save and sync: a
capitalised word on it is a name wherever it stands ("Tjitske zat weer alleen"), a lower-case
one only with a cue or a person verb ("gesprek met sietske"). Hand-kept from the communities
of Dutch neighbourhoods; names that are also Dutch words ("Door", "Wil", "Roman", "Riet",
"Berk") are left out, as a sentence may start with them.
"""

from __future__ import annotations

from buurtlog.privacy_words import _words

_BY_ORIGIN: dict[str, str] = {
    "dutch": (
        "Aafke Aagje Aaltje Adrie Agaath Albertha Alida Aline Alke Annemiek Annigje Antje "
        "Ariaantje Arendje Bartje Bea Bertha Betsie Bets Bregje Brechtje Cisca Coba Corrie "
        "Cobie Dieuwke Dineke Dientje Doortje Elske Ellie Emmy Evertje Fenna Fennie Femmy "
        "Fientje Flora Geesje Geertje Gerdien Gerrie Gerritje Greetje Grietje Hanneke Hennie "
        "Hilde Hillie Ineke Ietje Janke Jannetje Jantien Jeltje Jikke Joke Jopie Kaatje "
        "Klaasje Klazien Koosje Leida Lenie Lien Liesbeth Lijsbeth Loes Lotje Luuk Maartje "
        "Marjolein Marieke Mientje Mies Miep Nel Neeltje Nelleke Nienke Pietje Rikie Rina "
        "Rinske Sjaan Sjoukje Stientje Toos Trijntje Truus Tonnie Wiesje Willemijn Wietske "
        "Wijnie Ybeltje Zwaantje Adriaan Arie Barend Bastiaan Bertus Brammetje Cor Cornelis "
        "Douwe Evert Floor Fokke Freek Gait Geert Gerben Gerrit Gijs Harm Harmen Hein Hendrik "
        "Henk Herman Hidde Hielke Jaap Jelle Jelte Jochem Joop Kees Klaas Koos Lammert Lieuwe "
        "Maarten Marten Meindert Okke Otto Reinier Rienk Rintje Rutger Sieds Sjoerd Sietse "
        "Siebe Taeke Teun Thijs Tjeerd Tjalling Tjibbe Ubbo Walter Wiebe Willem Wouter Wubbe "
        "Ynte Ysbrand Folkert Jurre Jort Jesse Olaf Stijn Tijn Wessel Ids Auke Bauke Durk "
        "Feike Gosse Hessel Jorrit Lolke Minne Oebele Popke Reitse Sybren Tsjalle Ulbe Wytze "
        "Yde Eeltsje Gatske Grytsje Hiske Ymkje Jitske Tjitske Wypkje Sytske Baukje Froukje "
        "Germ Geeske Harmke Hiltje Lolkje Sieuwke Tetje Trientje Wiepkje"
    ),
    "turkish": (
        "Ahmet Alper Arda Aslı Ayşe Aysel Aylin Ayten Bahar Baran Barış Berkay Betül Burak "
        "Burcu Büşra Cansu Cem Cemal Cengiz Ceren Damla Defne Derya Deniz Dilek Doğan Ebru "
        "Ece Ecrin Elif Emel Emine Emre Enes Erdal Eren Erkan Esra Fadime Fatma Ferhat Feyza "
        "Gamze Gizem Gökhan Gül Gülay Gülsen Gülşen Hakan Hatice Havva Hülya Hüseyin İbrahim "
        "Ilker İlknur İsmail Kaan Kadir Kemal Kübra Levent Mehmet Melek Melike Meltem Merve "
        "Mert Metin Murat Mustafa Necla Nermin Nesrin Nihat Nur Nuray Nurcan Oğuz Okan Orhan "
        "Osman Özge Özlem Recep Rukiye Sabri Sedat Selin Selma Semra Serap Serkan Sevda Sevgi "
        "Sevim Sibel Songül Şükrü Şule Tarık Tuba Tuğba Tülay Tuncay Ufuk Ümit Veli Volkan "
        "Yasin Yasemin Yavuz Yıldız Yılmaz Yunus Yusuf Zehra Zerrin Zeynep Tugba Sukru Sukran "
        "Şükran Gulsen Huseyin Ilknur Busra Ozlem Ozge Umit Baris Tulay"
    ),
    "moroccan": (
        "Abdelaziz Abdelhak Abdelkader Abdellah Abdelilah Abderrahim Abdeslam Achraf Adil "
        "Aicha Aïcha Amal Amina Anouar Asmae Asma Ayoub Badr Bilal Bouchra Brahim Chaimae "
        "Chaima Dounia Driss Fadoua Fatiha Fatima Fouad Ghizlane Habiba Hafsa Hajar Hakima "
        "Hamid Hanane Hassan Hicham Houda Ikram Ilham Ilias Imane Issam Jamal Jamila Karim "
        "Khadija Latifa Lamia Loubna Mariam Meryem Mohamed Mohammed Mounir Mustapha Nabil "
        "Nadia Naima Najat Nawal Nezha Noura Omar Othmane Rachid Rajae Rachida Redouan Rida "
        "Saïd Salma Samira Sanae Siham Soufiane Soukaina Tarik Wafae Widad Yassine Yasmina "
        "Younes Youssef Zakaria Zineb Zohra Zoubida Mimoun Abdelmalek Khalid Aziz Ouafae "
        "Malika Mbarka Fadma Touria Hayat Hafida"
    ),
    "surinamese": (
        "Anjali Anushka Asha Chandra Devika Ganesh Indra Kavita Krishna Lakshmi Mahesh Manoj "
        "Nandini Nisha Pooja Priya Radj Radjesh Rajesh Ravi Reshma Rishi Sanjay Sarita Shanti "
        "Shivani Sunita Sunil Usha Vikash Vishnu Winston Glenn Errol Ruben Roy Romano Jerrel "
        "Jerrol Clifton Dwight Earl Marlon Ricardo Rodney Sergio Sheryl Shirley Gracia Gloria "
        "Ingrid Jacqueline Joyce Lucia Marcia Marlene Miriam Monique Rosita Sharon Sandra "
        "Wendell Wendel Yvonne Quincy Ramon Iwan Djoeke Sonja Gerda Hugo Armand"
    ),
    "antillean": (
        "Anthony Curtley Eldridge Elvis Franklin Giovanni Gilberto Gregorio Jandino Jurickson "
        "Kenneth Kevin Luigi Maykel Mayra Milagros Natasha Rignald Rosalba Shurandy Shurwin "
        "Sidney Ulrich Yuri Yuriël Zuleika Zuleica Shaquille Jurensley Cheyenne Nashaly "
        "Rudsel Marvelous Dayanara Juliska Sherida"
    ),
    "polish": (
        "Agnieszka Aleksandra Andrzej Anna Barbara Bartek Bartosz Beata Bogdan Dariusz Dorota "
        "Ewa Grażyna Grzegorz Halina Irena Jacek Jadwiga Jakub Janusz Jerzy Joanna Jolanta "
        "Kamil Kasia Katarzyna Krystyna Krzysztof Łukasz Lukasz Maciej Małgorzata Malgorzata "
        "Marek Mariusz Marta Mateusz Michał Michal Mirosław Monika Paweł Pawel Piotr Przemek "
        "Przemysław Radosław Renata Robert Sławomir Stanisław Szymon Tadeusz Teresa Tomasz "
        "Wiesław Wojciech Zbigniew Zofia Zuzanna Żaneta Wiktoria Kinga Iwona Elżbieta Danuta "
        "Bożena"
    ),
    "syrian": (
        "Abdulrahman Abdullah Ahmad Alaa Amer Ammar Anas Ayham Bashar Batoul Dalia Diana "
        "Farah Ghada Hadi Hamza Hiba Hussam Iman Jana Khaled Lina Louay Majd Maher Manal "
        "Marwa Mazen Mohannad Muhannad Nour Noor Omar Qusai Rahaf Rana Rawan Reem Rasha Ruba "
        "Sami Samer Shadi Tarek Wael Walaa Yara Yazan Zaid Zain Fadi Firas Ghaith Hussein "
        "Houssam Lujain Nawar Razan Sawsan Tamer Waseem"
    ),
    "eritrean": (
        "Abrahaley Abraham Aklilu Amanuel Aron Awet Berhane Bereket Biniam Dawit Daniel Efrem "
        "Elsa Ermias Fikre Filmon Freweini Ghebre Habtom Hagos Helen Hiwet Kibrom Kidane "
        "Luwam Mebrahtu Medhanie Merhawi Meron Mussie Nahom Rahwa Robel Ruta Saba Samson "
        "Selam Semhar Senait Simon Solomon Tekle Tesfay Tesfalem Tewelde Tsega Winta Yemane "
        "Yonas Yordanos Yohannes Zewdi Abeba Abebech Almaz Aster Genet Lemlem Mebrat Mihret "
        "Nardos Selamawit Tirhas Tsehay"
    ),
    "ukrainian": (
        "Anastasiia Andrii Bohdan Dmytro Halyna Hanna Ihor Iryna Kateryna Khrystyna "
        "Kostiantyn Liudmyla Lyudmila Mariia Maksym Mykhailo Mykola Nataliia Natalia Oksana "
        "Oleh Oleksandr Oleksandra Oleksii Olena Olha Petro Serhii Sofiia Svitlana Taras "
        "Tetiana Valentyna Vasyl Viktoriia Volodymyr Yaroslav Yevhen Yulia Yuliia Zoriana "
        "Nadiya Larysa Vira Lesia Ostap Artem Denys Vitalii"
    ),
    "ghanaian": (
        "Abena Adjoa Adwoa Afia Afua Akosua Akua Amma Kofi Kojo Kwabena Kwadwo Kwaku Kwame "
        "Kwasi Kwesi Yaw Yaa Efua Esi Ekua Araba Kobina Ebo Fiifi Nii Ayeley Korkor Mawuli "
        "Selasi Sena Elikem Edem Delali Enyonam Akwasi Ofori Yeboah"
    ),
    "other": (
        "Abdi Abdirahman Ayaan Asad Bilan Faduma Hodan Hawa Idil Ilhan Nasra Sahra Ubah "
        "Warsame Farhan Sayed Zahra Mahsa Parisa Reza Shirin Farid Arash Navid Leyla Narges "
        "Homa Ali Hassan Amir Neda Samira Mohsen"
    ),
}
EXTRA_FIRST_NAMES: frozenset[str] = _words(*_BY_ORIGIN.values())
# Lower-case forms, for notes typed without capitals.
EXTRA_LOWER: frozenset[str] = frozenset(name.lower() for name in EXTRA_FIRST_NAMES)
