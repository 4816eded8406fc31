"""Write bench/data/negatives_counterparties.csv: realistic counterparties a dealer meets that are not listed.

Authored for Clearstone (not copied from any data set): diamond and jewellery firms of the trading
centres as they name themselves, common personal names of many cultures, and generic trading names built
from the words such firms use. Deterministic: running it again writes the same file.

    .venv/bin/python bench/make_negatives.py
"""

from __future__ import annotations

import csv
import itertools
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "negatives_counterparties.csv"

# Real firms of the diamond and jewellery trade (public trade names), by centre.
FIRMS = {
    "BE": """Rosy Blue NV; Kiran Gems Antwerp; Venus Jewel BVBA; Dali Diamond NV; Pluczenik Diamond Company;
        Diamwill NV; Eurostar Diamond Traders; Tache Diamonds; Sheetal Diamonds Antwerp; Arslanian Freres;
        Van Gelder Diamonds; Leo Schachter Diamonds Antwerp; Kapu Gems Antwerp; Hari Krishna Exports Antwerp;
        Dharmanandan Diamonds Antwerp; Sanghavi Diamonds BVBA; Shairu Gems BVBA; Laxmi Diamond Antwerp;
        Kama Schachter BVBA; Blue Star Diamonds Antwerp; Asian Star Antwerp; Unique Diamonds BVBA;
        Dilipkumar Vrajlal Gandhi Diamonds; Star Rays NV; Finestar Diamonds; Ratnakala Antwerp;
        Diarough NV; IDH Diamonds NV; Bonas & Co Antwerp; I Hennig Antwerp; Antwerp World Diamond Centre;
        Diamond Office Antwerp; Indo Argyle Diamonds; Eurotrade Diamonds; Gemfields Belgium;
        Sparkle Diamonds BVBA; Nirav Diamonds Antwerp; HRD Antwerp NV; Antwerp Diamond Bank;
        Bhavani Gems Antwerp; Diamanthandel Goldstein; Pinky Diamonds BVBA; Shah Diamonds NV;
        Mehta Diamond Traders BVBA; Sterling Gems BVBA; Gold Diamond Trading Antwerp; Mahendra Brothers Antwerp""",
    "IN": """Shree Ramkrishna Exports Pvt Ltd; Hari Krishna Exports Pvt Ltd; Kiran Gems Pvt Ltd;
        Dharmanandan Diamonds Pvt Ltd; Venus Jewel; Sanghavi Exports International; Shairu Gems Diamonds Pvt Ltd;
        Laxmi Diamond Pvt Ltd; Asian Star Company Ltd; Su-Raj Diamonds and Jewellery; Shrenuj and Company Ltd;
        Sheetal Manufacturing Company; Karp Impex Ltd; Jewel Goldi Pvt Ltd; Kantilal Chhotalal;
        Vaibhav Global Ltd; Rajesh Exports Ltd; Titan Company Ltd; Tanishq; Kalyan Jewellers India Ltd;
        Malabar Gold and Diamonds; Joyalukkas India Pvt Ltd; Tribhovandas Bhimji Zaveri Ltd;
        PC Jeweller Ltd; Senco Gold Ltd; Thangamayil Jewellery Ltd; Renaissance Global Ltd;
        Sri Ganesh Jewellery House; Goenka Diamond and Jewels Ltd; Shubh Diamonds; Mahendra Brothers Exports;
        Ratnakala Exports Pvt Ltd; Kapu Gems; Star Rays; Finestar Jewellery and Diamonds Pvt Ltd;
        Navrattan Blue Diamonds; Jayam Gems; Unique Exports Surat; Dhanlaxmi Diamonds Surat;
        Mehul Diamond Impex; Sunshine Diamonds Surat; Shree Hari Gems; Ajani Gems Surat; Sanjay Diamonds Surat;
        Vaishali Impex; Arihant Diamond Exports; Ashapura Gems; Surat Diamond Bourse; Bharat Diamond Bourse;
        Gujarat Star Diamonds; Kothari Gems Pvt Ltd; Parekh Diamonds; Lakhani Jewels Pvt Ltd;
        Nakshatra Brands Ltd; Orra Fine Jewellery; Hazoorilal Legacy; Amrapali Jewels; Gem Palace Jaipur;
        Sawansukha Jewellers; Waman Hari Pethe Sons; PN Gadgil and Sons; Khanna Jewellers; Zoya Jewellery""",
    "IL": """Leo Schachter Diamonds Ltd; Lili Diamonds Ltd; Yoram Diamonds Ltd; Dalumi Group; Shimon Diamonds Ltd;
        Yehuda Diamond Company; Sarine Technologies; Moshe Namdar Diamonds; Pluczenik Israel Ltd;
        Schachar Diamonds; M Fabrikant Israel; Israel Diamond Exchange; Ofer Mizrahi Diamonds;
        Rapaport Israel; Galili Diamonds Ltd; Lev Diamonds; Nir Polished Diamonds; Avraham Klein Diamonds;
        Eshed Diamonds; Ramat Gan Diamond Center; Zion Diamonds Ltd; Ben Dror Diamonds;
        Ezra Diamond Trading; Mazal Diamonds; Golan Gems Ltd""",
    "AE": """Dubai Diamond Exchange; Dubai Multi Commodities Centre; Star Rays DMCC; Kiran Gems DMCC;
        Blue Star Diamonds DMCC; Eurostar Diamonds DMCC; Shairu Gems DMCC; Kapu Gems DMCC; Venus Jewel DMCC;
        Dali Diamond DMCC; Laxmi Diamond DMCC; Sanghavi DMCC; Unique Diamonds DMCC; Hari Krishna DMCC;
        Malabar Gold and Diamonds LLC; Joyalukkas Jewellery LLC; Damas Jewellery LLC; Al Romaizan Gold;
        Pure Gold Jewellers LLC; Kanz Jewels; Al Zain Jewellery; Mahallati Jewellery; Bhima Jewellers Dubai;
        Emirates Gold DMCC; Kaloti Jewellery International; Al Etihad Gold Refinery; Jawhara Jewellery;
        Liali Jewellery; Gulf Diamonds DMCC; Arabian Gems Trading LLC; Al Fardan Jewellery;
        Taiba Diamonds FZE; Noor Gems Trading LLC; Desert Rose Jewellery LLC; Sapphire Gems DMCC""",
    "US": """Tiffany & Co; Harry Winston Inc; William Goldberg Diamond Corp; Lazare Kaplan International;
        M Fabrikant & Sons; Rand Diamonds; Leo Schachter Diamonds LLC; Yehuda Diamond Co; Signet Jewelers;
        Kay Jewelers; Zales; Jared the Galleria of Jewelry; Blue Nile Inc; Brilliant Earth; Helzberg Diamonds;
        Ben Bridge Jeweler; Borsheims; Fred Meyer Jewelers; Shane Co; Robbins Bros; David Yurman;
        Stuller Inc; Rapaport USA; Diamond Dealers Club New York; JCK; Lili Diamonds USA;
        Mark Patterson; Verragio; Tacori Enterprises; Gabriel & Co; Scott Kay; Simon G Jewelry;
        Roberto Coin Inc; Kwiat; Graff Diamonds USA; Moussaieff Jewellers; Forevermark US;
        Charles & Colvard; Kimberly Diamond Corp; Rosy Blue Inc; Venus Jewel Inc; Kiran USA;
        Sarine Technologies US; Diamond Foundry Inc; WD Lab Grown Diamonds; Pure Grown Diamonds;
        Clean Origin; Ritani; James Allen; Whiteflash; Brian Gavin Diamonds; Harry Chad Enterprises""",
    "HK": """Chow Tai Fook Jewellery Group; Chow Sang Sang Holdings; Luk Fook Holdings; Emperor Watch & Jewellery;
        King Fook Holdings; TSL Jewellery; Hong Kong Jewellery; 3D-GOLD Jewellery; Lukfook Jewellery;
        Man Sang Holdings; Hengdeli Holdings; Chow Tai Seng Jewellery; Lao Feng Xiang; Zbird;
        Mahendra Brothers HK; Kiran Gems HK; Venus Jewel HK Ltd; Sheetal Group HK; Rosy Blue HK Ltd;
        Shrenuj HK; Asian Star HK; Blue Star HK; Everbright Jewellery; Oriental Pearl Jewellery;
        Kowloon Diamond Company; Tak Fung Jewellery; Wing Wah Gems; Fook Ming Jewellery;
        Hing Wah Diamond; Kam Fung Gems; Sun Hing Jewellery; Tai Sang Diamonds""",
    "GB": """Graff Diamonds Ltd; De Beers Jewellers; Boodles; Garrard & Co; Asprey; Laurence Graff;
        Hatton Garden Diamonds; Vashi; Beaverbrooks; Goldsmiths; Ernest Jones; H Samuel; Mappin & Webb;
        Bonhams Jewellery; Gemfields plc; Petra Diamonds Ltd; Firestone Diamonds; Lucara Diamond;
        Gem Diamonds Ltd; Anglo American plc""",
    "CH": """Chopard; Piaget; Gubelin; Bucherer; de Grisogono; Harry Winston SA; Swarovski; Chatila;
        Boghossian; Moussaieff Geneva""",
    "FR": """Cartier; Van Cleef & Arpels; Boucheron; Chaumet; Mauboussin; Fred Paris; Messika;
        Dinh Van; Repossi; Mellerio dits Meller""",
    "IT": "Bulgari; Buccellati; Damiani; Pomellato; Roberto Coin; Vhernier; Crivelli; Pasquale Bruni",
}

# Common personal names, given name and family name, by culture.
PEOPLE = {
    "IN": (
        "Amit Rajesh Suresh Ajay Vijay Rahul Sanjay Anil Sunil Priya Neha Pooja Kavita Sunita Deepak Manoj Ravi "
        "Nilesh Hitesh Jignesh Mehul Paresh Bhavesh Kalpesh",
        "Patel Shah Mehta Gupta Sharma Kumar Singh Desai Joshi Jain Agarwal Verma Reddy Iyer Nair Kothari "
        "Parekh Vora Gandhi Doshi Bhansali Modi Trivedi",
    ),
    "AE": (
        "Mohammed Ahmed Ali Hassan Hussein Omar Khalid Abdullah Ibrahim Yousef Fatima Aisha Mariam Saeed "
        "Rashid Hamad Sultan Majid Faisal Tariq",
        "Ali Hassan Al Mansoori Al Hashimi Al Nuaimi Al Ketbi Al Marzouqi Khan Mustafa Ibrahim Abdullah "
        "Al Shamsi Al Suwaidi Al Falasi Haddad Nasser",
    ),
    "RU": (
        "Sergei Alexander Dmitry Andrei Alexei Ivan Mikhail Nikolai Vladimir Elena Olga Natalia Irina Tatiana "
        "Svetlana Anna Maria Pavel Yuri Igor",
        "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov "
        "Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev",
    ),
    "CN": (
        "Wei Fang Min Jing Li Lei Jun Yang Yong Yan Jie Tao Ming Chao Xiu Ying Hui Ping Hong Lin",
        "Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo",
    ),
    "HK": (
        "Ka Ming; Wai Man; Chi Keung; Siu Ling; Mei Ling; Kwok Wah; Tak Wing; Yuk Lan; Chun Kit; Hoi Yan",
        "Chan Wong Cheung Lau Lee Ng Ho Leung Tsang Yip Kwok Lam Fung Tam Chow",
    ),
    "IL": (
        "David Moshe Yosef Avraham Yaakov Daniel Michael Noa Tamar Yael Shira Eitan Ariel Ronen Avi Eyal",
        "Cohen Levi Mizrahi Peretz Biton Dahan Avraham Friedman Katz Azulay Malka Gabay Ohana Shapiro Klein",
    ),
    "BE": (
        "Jan Pieter Luc Marc Koen Tom Els An Sofie Lieve Dirk Peter Wim Hilde Bart",
        "Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De Smet Dubois Lambert Dupont "
        "Van Damme Vermeulen",
    ),
    "US": (
        "James John Robert Michael William David Mary Patricia Jennifer Linda Elizabeth Susan Joseph Thomas "
        "Sarah Karen",
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Martin Lee "
        "Thompson White Harris Clark Lewis Walker",
    ),
    "ES": (
        "Maria Jose Antonio Juan Carmen Ana Francisco Luis Laura Javier Carlos Manuel Pedro Isabel Lucia",
        "Garcia Rodriguez Gonzalez Fernandez Lopez Martinez Sanchez Perez Gomez Martin Jimenez Ruiz Hernandez "
        "Diaz Moreno",
    ),
    "TR": (
        "Mehmet Mustafa Ahmet Ali Huseyin Hasan Ibrahim Ismail Osman Yusuf Fatma Ayse Emine Hatice Zeynep",
        "Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan Cetin",
    ),
    "NG": (
        "Chinedu Emeka Oluwaseun Adebayo Ngozi Chioma Ibrahim Musa Aisha Fatima Tunde Yemi Kelechi Uche",
        "Okafor Okonkwo Adeyemi Balogun Ogunleye Eze Nwosu Bello Abubakar Mohammed Ibrahim Adewale Obi",
    ),
    "DE": (
        "Thomas Michael Andreas Stefan Christian Sabine Petra Claudia Monika Markus Klaus Juergen Ursula",
        "Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Wolf",
    ),
    "PK": (
        "Muhammad Imran Asif Bilal Usman Ayesha Sana Zainab Farhan Kamran Shahid Naveed",
        "Khan Ahmed Malik Butt Chaudhry Qureshi Sheikh Hussain Raza Iqbal Akhtar Mirza",
    ),
    "IR": (
        "Ali Reza Mohammad Hossein Mehdi Amir Fatemeh Zahra Maryam Sara Hamid Saeed",
        "Ahmadi Hosseini Mohammadi Rezaei Karimi Moradi Jafari Rahimi Kazemi Ebrahimi Ghasemi Sadeghi",
    ),
    "KR": (
        "Min-jun Seo-yeon Ji-hoon Ji-woo Hyun-woo Su-bin Dong-hyun Eun-ji Jae-won Ha-eun",
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin",
    ),
    "JP": (
        "Hiroshi Takashi Kenji Yuki Haruto Sota Yui Aoi Sakura Naoki Daisuke Akira",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada",
    ),
    "BR": (
        "Joao Pedro Lucas Gabriel Ana Juliana Mariana Rafael Bruno Felipe Camila Fernanda",
        "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro",
    ),
    "FR": (
        "Jean Pierre Michel Philippe Nicolas Sophie Nathalie Isabelle Camille Julien Claire Antoine",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent",
    ),
}

# Words trading firms name themselves with; most are common words, several are rare on sanctions lists.
PREFIXES = [
    "Alpha",
    "Atlas",
    "Crown",
    "Oriental",
    "Royal",
    "Star",
    "Global",
    "Prime",
    "Eagle",
    "Phoenix",
    "Golden",
    "Silver",
    "Diamond",
    "Pearl",
    "Sapphire",
    "Emerald",
    "Ruby",
    "Orion",
    "Apex",
    "Summit",
    "Pinnacle",
    "Horizon",
    "Sunrise",
    "Sunshine",
    "Rainbow",
    "Lotus",
    "Jasmine",
    "Tulip",
    "Unity",
    "Liberty",
    "Victory",
    "Empire",
    "Imperial",
    "Regal",
    "Majestic",
    "Elite",
    "Premier",
    "Supreme",
    "Grand",
    "Classic",
    "Modern",
    "Brilliant",
    "Shining",
    "Bright",
    "Everest",
    "Olympus",
    "Titan",
    "Zenith",
    "Vertex",
    "Nova",
    "Stellar",
    "Galaxy",
    "Comet",
    "Meteor",
    "Neptune",
    "Mercury",
    "Venus",
    "Jupiter",
    "Polaris",
    "Sirius",
    "Vega",
    "Omega",
    "Delta",
    "Sigma",
    "Gamma",
    "Infinity",
    "Eternal",
    "Harmony",
    "Serenity",
    "Oasis",
    "Sahara",
    "Nile",
    "Ganges",
    "Indus",
    "Bombay",
    "Mumbai",
    "Surat",
    "Antwerp",
    "Dubai",
    "Kowloon",
    "Hudson",
    "Manhattan",
    "Continental",
    "Pacific",
    "Atlantic",
    "Baltic",
    "Nordic",
    "Eastern",
    "Western",
    "Northern",
    "Southern",
    "Central",
    "United",
    "Allied",
    "Fortune",
    "Lucky",
    "Blessing",
    "Trust",
    "Heritage",
    "Legacy",
    "Pioneer",
    "Frontier",
    "Navigator",
    "Voyager",
    "Falcon",
    "Hawk",
    "Lion",
    "Tiger",
    "Jaguar",
    "Panther",
    "Dolphin",
    "Swan",
    "Peacock",
]
_CORES_TEXT = """Gems; Diamonds; Jewels; Jewellery; Jewelers; Gem Traders; Diamond Traders; Stones; Precious Stones;
    Gold; Bullion; Trading; Exports; Impex; Overseas; International; Enterprises; Creations; Designs;
    Brilliants; Solitaires; Rough Diamonds; Polished Diamonds; Colour Stones; Pearls; Fine Jewellery"""
CORES = [" ".join(c.split()) for c in _CORES_TEXT.split(";")]
SUFFIXES = {
    "BE": ["NV", "BVBA", "BV", ""],
    "IN": ["Pvt Ltd", "LLP", "Exports", ""],
    "IL": ["Ltd", ""],
    "AE": ["DMCC", "LLC", "FZE", "FZCO", "Trading LLC"],
    "US": ["Inc", "LLC", "Corp", ""],
    "HK": ["Limited", "Co Ltd", "(HK) Ltd", ""],
    "GB": ["Ltd", "plc", ""],
}


def _firms() -> list[tuple[str, str, str, str]]:
    rows = []
    for country, text in FIRMS.items():
        for name in text.split(";"):
            name = " ".join(name.split())
            if name:
                rows.append((name, "organization", country, "diamond_firm"))
    return rows


def _people(rng: random.Random, per_culture: int) -> list[tuple[str, str, str, str]]:
    rows = []
    for country, (given_text, family_text) in PEOPLE.items():
        given = (
            [g.strip() for g in given_text.replace(";", "\n").split("\n")]
            if ";" in given_text
            else given_text.split()
        )
        families = family_text.split()
        # "Al Mansoori", "De Smet", "Van Damme": particles join the next word
        joined: list[str] = []
        for word in families:
            if joined and joined[-1] in ("Al", "De", "Van"):
                joined[-1] += " " + word
            else:
                joined.append(word)
        pairs = list(itertools.product(given, joined))
        rng.shuffle(pairs)
        for g, f in pairs[:per_culture]:
            order = f"{f} {g}" if country in ("CN", "KR", "JP", "HK") and rng.random() < 0.5 else f"{g} {f}"
            rows.append((order, "person", country, "person"))
    return rows


def _generic(rng: random.Random, count: int) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    countries = list(SUFFIXES)
    while len(rows) < count:
        country = rng.choice(countries)
        words = [rng.choice(PREFIXES)]
        if rng.random() < 0.3:
            words.append(rng.choice(PREFIXES))
        words.append(rng.choice(CORES))
        suffix = rng.choice(SUFFIXES[country])
        name = " ".join(w for w in [*words, suffix] if w)
        if name not in seen:
            seen.add(name)
            rows.append((name, "organization", country, "generic_trading"))
    return rows


def main() -> None:
    rng = random.Random(20261206)
    rows = _firms() + _people(rng, 26) + _generic(rng, 360)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "kind", "country", "category"])
        writer.writerows(rows)
    print(f"{len(rows)} counterparties written to {OUT}")


if __name__ == "__main__":
    main()
