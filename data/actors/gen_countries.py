#!/usr/bin/env python3
"""Writes countries.actors.txt: the 193 UN member states, each with its government, military
and police (see docs/actors.md). Regenerate after editing either table:

    python3 data/actors/gen_countries.py > data/actors/countries.actors.txt

A country's names and demonyms come from the one country table, data/places/countries.tsv,
which the gazetteer also reads: a name added there names both the place and the actor. This
file only adds what is the actors' own (ACTOR_TABLE below):

    ISO 3166-1 alpha-3 | names the gazetteer does not index (';') | demonyms the gazetteer does
    not index (';') | military names (';', first is canonical) | police names (';')

Plural demonyms such as "Rwandans" become 'people:', coded CIVILIANS. Names that an
'ambiguous' directive of context.actors.txt handles ("Congo", "Congolese", "Dominican") are
left out here, and so are the few of NOT_ACTOR_NAMES.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTRIES_TSV = os.path.join(HERE, "..", "places", "countries.tsv")
CONTEXT = os.path.join(HERE, "context.actors.txt")

# Rows of countries.tsv that are not UN member states (observers and partly recognised states).
NOT_UN_MEMBERS = {"VAT", "PSE", "XKX", "TWN", "ESH"}

# Names of countries.tsv that must not name the actor: "Zaire" is the DRC's name before 1997
# (and ACLED's misspelling of Nigeria's Zaria, "the Zaire massacre"); singular nouns for a
# person ("the Spaniard took over", "Pole position") name a person, not the state.
NOT_ACTOR_NAMES = {"Zaire", "Spaniard", "Dane", "Finn", "Pole", "Swede", "Turk", "Icelander"}

# The actor's canonical name where it is not the gazetteer's (ACLED's spelling); the
# gazetteer's name becomes an alias.
ACTOR_NAME = {"CIV": "Côte d'Ivoire", "TUR": "Türkiye"}

ACTOR_TABLE = """
AFG|Islamic Emirate of Afghanistan|||
AGO|||Angolan Armed Forces;FAA|
AUS|||Australian Defence Force|
BDI|||National Defence Force of Burundi;FDNB;Burundian National Defence Force|
CAN|||Canadian Armed Forces|Royal Canadian Mounted Police;RCMP
CAF|||FACA|
CHN|||People's Liberation Army;PLA|
COG|||Congolese Armed Forces|
COD|République démocratique du Congo||Armed Forces of the Democratic Republic of the Congo;FARDC;Forces Armées de la République Démocratique du Congo|Congolese National Police;PNC;Police Nationale Congolaise
PRK|||Korean People's Army|
SWZ||Emaswati||
ETH|||Ethiopian National Defense Force;ENDF|
FRA||Frenchman|French Armed Forces|
GEO|Republic of Georgia|||
DEU|||Bundeswehr|
HTI||||Haitian National Police
IRN|||Islamic Revolutionary Guard Corps;IRGC|
ISR|||Israel Defense Forces;IDF|
JPN|||Japan Self-Defense Forces|
KEN|||Kenya Defence Forces;KDF|
MWI|||Malawi Defence Force;MDF|
MLI|||Malian Armed Forces;FAMa|
MMR|Republic of the Union of Myanmar||Tatmadaw|
NPL|Federal Democratic Republic of Nepal|||
NLD|Kingdom of the Netherlands|||
PNG|Independent State of Papua New Guinea|||
KOR|ROK|||
RUS|||Russian Armed Forces|
RWA|||Rwanda Defence Force;RDF;Rwandan Defence Force;Rwanda Defense Force;Rwandan army|Rwanda National Police;RNP
SAU||Saudi Arabian||
SOM|||Somali National Army;SNA|
ZAF|||South African National Defence Force;SANDF|South African Police Service;SAPS
SSD|||South Sudan People's Defence Forces;SSPDF|
SDN|the Sudan||Sudanese Armed Forces;SAF|
TTO||Tobagonian||
TUN|Republic of Tunisia|||
TUR|Republic of Türkiye|||
UGA|||Uganda People's Defence Force;UPDF;Uganda People's Defence Forces|Uganda Police Force
UKR|||Armed Forces of Ukraine|
GBR|||British Army;British Armed Forces|
TZA|||Tanzania People's Defence Force;TPDF|
USA|||United States Armed Forces;US military;Pentagon|
ZWE|||Zimbabwe Defence Forces;ZDF|
"""

# Extra government names where the press uses a metonym for the seat of government.
GOVERNMENT = {
    "USA": ["US government", "Washington", "White House", "State Department", "US State Department"],
    "COD": ["Kinshasa government"],
    "RWA": ["Kigali government"],
    "GBR": ["British government"],
}

# Plural demonyms that are not the singular plus "s" or "ns" but still name people.
IRREGULAR_PEOPLE = {"Afghans", "Britons", "Filipinos", "Croats", "Serbs", "Danes", "Poles", "Turks", "Finns",
                    "Swedes", "Spaniards", "Slovenes", "Slovaks", "Czechs", "Tajiks", "Uzbeks", "Saudis",
                    "Bahrainis", "Emiratis", "Somalis", "Kuwaitis", "Omanis", "Qataris", "Yemenis", "Iraqis",
                    "Israelis", "Pakistanis", "Bangladeshis", "Azerbaijanis", "Argentines"}


def fail(path, line_no, message):
    sys.exit(f"{path}:{line_no}: {message}")


def split(field, sep):
    return [x.strip() for x in field.split(sep) if x.strip()]


def read_countries():
    """iso3 -> (name, alternates, demonyms), in file order, from countries.tsv."""
    countries = {}
    with open(COUNTRIES_TSV, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9:
                fail(COUNTRIES_TSV, line_no, f"expected 9 tab-separated columns, found {len(cols)}")
            countries[cols[1]] = (cols[5], split(cols[7], "|"), split(cols[8], "|"))
    return countries


def read_ambiguous():
    """Every name of an 'ambiguous: NAME; NAME => ...' directive of context.actors.txt."""
    names = set()
    with open(CONTEXT, encoding="utf-8") as f:
        for line in f:
            if line.startswith("ambiguous:"):
                names.update(split(line[len("ambiguous:"):].split("=>")[0], ";"))
    return names


def read_actor_table():
    rows = {}
    for line in ACTOR_TABLE.strip().splitlines():
        iso, names, demonyms, military, police = line.split("|")
        rows[iso] = (split(names, ";"), split(demonyms, ";"), military, police)
    return rows


def unique(items, drop):
    out = []
    for x in items:
        if x not in out and x not in drop:
            out.append(x)
    return out


def is_people(demonym, demonyms):
    """Plural demonyms ("Rwandans") name people, coded CIVILIANS with the country as hint."""
    return demonym.endswith("s") and (demonym[:-1] in demonyms or demonym[:-1] + "n" in demonyms
                                      or demonym in IRREGULAR_PEOPLE)


def print_country(iso, tsv_row, extra, ambiguous):
    tsv_name, alternates, tsv_demonyms = tsv_row
    extra_names, extra_demonyms, military, police = extra
    name = ACTOR_NAME.get(iso, tsv_name)
    aliases = unique([tsv_name] + alternates + extra_names, {name} | ambiguous | NOT_ACTOR_NAMES)
    demonyms = unique(tsv_demonyms + extra_demonyms, NOT_ACTOR_NAMES)
    # Whether a plural names people is decided on every demonym, ambiguous ones included
    # ("Dominicans" is the plural of the ambiguous "Dominican").
    people = [d for d in demonyms if is_people(d, demonyms) and d not in ambiguous]
    demonyms = [d for d in demonyms if d not in people and d not in ambiguous]
    print()
    print(f"country {iso}")
    print(f"  name: {name}")
    if aliases:
        print(f"  alias: {';'.join(aliases)}")
    if demonyms:
        print(f"  demonym: {'; '.join(demonyms)}")
    if people:
        print(f"  people: {'; '.join(people)}")
    if iso in GOVERNMENT:
        print(f"  government: Government of {name}; {'; '.join(GOVERNMENT[iso])}")
    if military:
        print(f"  military: {military.replace(';', '; ')}")
    if police:
        print(f"  police: {police.replace(';', '; ')}")


def main():
    countries = read_countries()
    members = [iso for iso in countries if iso not in NOT_UN_MEMBERS]
    assert len(members) == 193, f"expected 193 UN member states, got {len(members)}"
    actor_table = read_actor_table()
    unknown = set(actor_table) - set(members)
    assert not unknown, f"ACTOR_TABLE rows for no member state: {sorted(unknown)}"
    ambiguous = read_ambiguous()
    print("# The 193 UN member states with their governments, militaries and police.")
    print("# GENERATED by gen_countries.py from data/places/countries.tsv: edit the tables there and")
    print("# re-run `python3 data/actors/gen_countries.py > data/actors/countries.actors.txt` (docs/actors.md).")
    print("# A 'country XXX' block defines XXX (state), XXX_GOV, XXX_MIL and XXX_POL.")
    for iso in members:
        print_country(iso, countries[iso], actor_table.get(iso, ([], [], "", "")), ambiguous)


if __name__ == "__main__":
    main()
