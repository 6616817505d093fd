"""The initiatives register: what residents and organisations already do, referrals to it,
the gaps it leaves, and the public list of what there is to do in a wijk."""
