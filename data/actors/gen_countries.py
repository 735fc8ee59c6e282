#!/usr/bin/env python3
"""Writes countries.actors.txt: the 193 UN member states, each with its government, military
and police (see docs/actors.md). Edit the table below and re-run:

    python3 data/actors/gen_countries.py > data/actors/countries.actors.txt

Columns (separated by '|'): ISO 3166-1 alpha-3 | common English name | other names (';') |
demonyms (';'; plurals such as "Rwandans" become 'people:', coded CIVILIANS) | military names (';', first is canonical) | police names (';').
Ambiguous names ("Congo", "Congolese", "Guinean"...) are left out here and handled by
'ambiguous' directives in context.actors.txt.
"""
TABLE = """
AFG|Afghanistan|Islamic Republic of Afghanistan;Islamic Emirate of Afghanistan|Afghan;Afghans||
ALB|Albania|Republic of Albania|Albanian;Albanians||
DZA|Algeria|People's Democratic Republic of Algeria|Algerian;Algerians||
AND|Andorra||Andorran||
AGO|Angola|Republic of Angola|Angolan;Angolans|Angolan Armed Forces;FAA|
ATG|Antigua and Barbuda||Antiguan||
ARG|Argentina|Argentine Republic|Argentine;Argentinian;Argentines||
ARM|Armenia|Republic of Armenia|Armenian;Armenians||
AUS|Australia|Commonwealth of Australia|Australian;Australians|Australian Defence Force|
AUT|Austria|Republic of Austria|Austrian;Austrians||
AZE|Azerbaijan|Republic of Azerbaijan|Azerbaijani;Azeri;Azerbaijanis||
BHS|Bahamas|The Bahamas|Bahamian||
BHR|Bahrain|Kingdom of Bahrain|Bahraini;Bahrainis||
BGD|Bangladesh|People's Republic of Bangladesh|Bangladeshi;Bangladeshis||
BRB|Barbados||Barbadian||
BLR|Belarus|Republic of Belarus|Belarusian;Belarusians||
BEL|Belgium|Kingdom of Belgium|Belgian;Belgians||
BLZ|Belize||Belizean||
BEN|Benin|Republic of Benin|Beninese||
BTN|Bhutan|Kingdom of Bhutan|Bhutanese||
BOL|Bolivia|Plurinational State of Bolivia|Bolivian;Bolivians||
BIH|Bosnia and Herzegovina|Bosnia|Bosnian;Bosnians||
BWA|Botswana|Republic of Botswana|Botswanan;Motswana||
BRA|Brazil|Federative Republic of Brazil|Brazilian;Brazilians||
BRN|Brunei|Brunei Darussalam|Bruneian||
BGR|Bulgaria|Republic of Bulgaria|Bulgarian;Bulgarians||
BFA|Burkina Faso|Burkina|Burkinabe;Burkinabè||
BDI|Burundi|Republic of Burundi|Burundian;Burundians|National Defence Force of Burundi;FDNB;Burundian National Defence Force|
CPV|Cabo Verde|Cape Verde|Cape Verdean||
KHM|Cambodia|Kingdom of Cambodia|Cambodian;Cambodians||
CMR|Cameroon|Republic of Cameroon|Cameroonian;Cameroonians||
CAN|Canada||Canadian;Canadians|Canadian Armed Forces|Royal Canadian Mounted Police;RCMP
CAF|Central African Republic|CAR|Central African;Central Africans|FACA|
TCD|Chad|Republic of Chad|Chadian;Chadians||
CHL|Chile|Republic of Chile|Chilean;Chileans||
CHN|China|People's Republic of China;PRC|Chinese|People's Liberation Army;PLA|
COL|Colombia|Republic of Colombia|Colombian;Colombians||
COM|Comoros|Union of the Comoros|Comorian||
COG|Republic of the Congo|Congo-Brazzaville;Congo Republic;Republic of Congo;Congo Brazzaville||Congolese Armed Forces|
COD|Democratic Republic of the Congo|DR Congo;DRC;D.R. Congo;DR of Congo;Democratic Republic of Congo;Congo-Kinshasa;Congo Kinshasa;RDC;République démocratique du Congo||Armed Forces of the Democratic Republic of the Congo;FARDC;Forces Armées de la République Démocratique du Congo|Congolese National Police;PNC;Police Nationale Congolaise
CRI|Costa Rica|Republic of Costa Rica|Costa Rican;Costa Ricans||
CIV|Côte d'Ivoire|Ivory Coast;Cote d'Ivoire|Ivorian;Ivorians||
HRV|Croatia|Republic of Croatia|Croatian;Croat;Croats||
CUB|Cuba|Republic of Cuba|Cuban;Cubans||
CYP|Cyprus|Republic of Cyprus|Cypriot;Cypriots||
CZE|Czechia|Czech Republic|Czech;Czechs||
PRK|North Korea|Democratic People's Republic of Korea;DPRK|North Korean;North Koreans|Korean People's Army|
DNK|Denmark|Kingdom of Denmark|Danish;Danes||
DJI|Djibouti|Republic of Djibouti|Djiboutian||
DMA|Dominica|Commonwealth of Dominica|Dominican (Dominica)||
DOM|Dominican Republic||Dominican;Dominicans||
ECU|Ecuador|Republic of Ecuador|Ecuadorian;Ecuadorians||
EGY|Egypt|Arab Republic of Egypt|Egyptian;Egyptians||
SLV|El Salvador|Republic of El Salvador|Salvadoran;Salvadorans||
GNQ|Equatorial Guinea|Republic of Equatorial Guinea|Equatoguinean;Equatorial Guinean||
ERI|Eritrea|State of Eritrea|Eritrean;Eritreans||
EST|Estonia|Republic of Estonia|Estonian;Estonians||
SWZ|Eswatini|Swaziland;Kingdom of Eswatini|Swazi;Emaswati||
ETH|Ethiopia|Federal Democratic Republic of Ethiopia|Ethiopian;Ethiopians|Ethiopian National Defense Force;ENDF|
FJI|Fiji|Republic of Fiji|Fijian;Fijians||
FIN|Finland|Republic of Finland|Finnish;Finns||
FRA|France|French Republic|French;Frenchman|French Armed Forces|
GAB|Gabon|Gabonese Republic|Gabonese||
GMB|Gambia|The Gambia;Republic of the Gambia|Gambian;Gambians||
GEO|Georgia|Republic of Georgia|Georgian;Georgians||
DEU|Germany|Federal Republic of Germany|German;Germans|Bundeswehr|
GHA|Ghana|Republic of Ghana|Ghanaian;Ghanaians||
GRC|Greece|Hellenic Republic|Greek;Greeks||
GRD|Grenada||Grenadian||
GTM|Guatemala|Republic of Guatemala|Guatemalan;Guatemalans||
GIN|Guinea|Republic of Guinea;Guinea-Conakry|Guinean;Guineans||
GNB|Guinea-Bissau|Republic of Guinea-Bissau|Bissau-Guinean||
GUY|Guyana|Co-operative Republic of Guyana|Guyanese||
HTI|Haiti|Republic of Haiti|Haitian;Haitians||Haitian National Police
HND|Honduras|Republic of Honduras|Honduran;Hondurans||
HUN|Hungary||Hungarian;Hungarians||
ISL|Iceland||Icelandic;Icelanders||
IND|India|Republic of India|Indian;Indians||
IDN|Indonesia|Republic of Indonesia|Indonesian;Indonesians||
IRN|Iran|Islamic Republic of Iran|Iranian;Iranians|Islamic Revolutionary Guard Corps;IRGC|
IRQ|Iraq|Republic of Iraq|Iraqi;Iraqis||
IRL|Ireland|Republic of Ireland|Irish||
ISR|Israel|State of Israel|Israeli;Israelis|Israel Defense Forces;IDF|
ITA|Italy|Italian Republic|Italian;Italians||
JAM|Jamaica||Jamaican;Jamaicans||
JPN|Japan||Japanese|Japan Self-Defense Forces|
JOR|Jordan|Hashemite Kingdom of Jordan|Jordanian;Jordanians||
KAZ|Kazakhstan|Republic of Kazakhstan|Kazakh;Kazakhstani||
KEN|Kenya|Republic of Kenya|Kenyan;Kenyans|Kenya Defence Forces;KDF|
KIR|Kiribati||I-Kiribati||
KWT|Kuwait|State of Kuwait|Kuwaiti;Kuwaitis||
KGZ|Kyrgyzstan|Kyrgyz Republic|Kyrgyz||
LAO|Laos|Lao People's Democratic Republic|Lao;Laotian||
LVA|Latvia|Republic of Latvia|Latvian;Latvians||
LBN|Lebanon|Lebanese Republic|Lebanese||
LSO|Lesotho|Kingdom of Lesotho|Basotho;Mosotho||
LBR|Liberia|Republic of Liberia|Liberian;Liberians||
LBY|Libya|State of Libya|Libyan;Libyans||
LIE|Liechtenstein||Liechtensteiner||
LTU|Lithuania|Republic of Lithuania|Lithuanian;Lithuanians||
LUX|Luxembourg|Grand Duchy of Luxembourg|Luxembourgish;Luxembourger||
MDG|Madagascar|Republic of Madagascar|Malagasy||
MWI|Malawi|Republic of Malawi|Malawian;Malawians|Malawi Defence Force;MDF|
MYS|Malaysia||Malaysian;Malaysians||
MDV|Maldives|Republic of Maldives|Maldivian||
MLI|Mali|Republic of Mali|Malian;Malians|Malian Armed Forces;FAMa|
MLT|Malta|Republic of Malta|Maltese||
MHL|Marshall Islands|Republic of the Marshall Islands|Marshallese||
MRT|Mauritania|Islamic Republic of Mauritania|Mauritanian;Mauritanians||
MUS|Mauritius|Republic of Mauritius|Mauritian;Mauritians||
MEX|Mexico|United Mexican States|Mexican;Mexicans||
FSM|Micronesia|Federated States of Micronesia|Micronesian||
MDA|Moldova|Republic of Moldova|Moldovan;Moldovans||
MCO|Monaco|Principality of Monaco|Monegasque||
MNG|Mongolia||Mongolian;Mongolians||
MNE|Montenegro||Montenegrin;Montenegrins||
MAR|Morocco|Kingdom of Morocco|Moroccan;Moroccans||
MOZ|Mozambique|Republic of Mozambique|Mozambican;Mozambicans||
MMR|Myanmar|Burma;Republic of the Union of Myanmar|Burmese|Tatmadaw|
NAM|Namibia|Republic of Namibia|Namibian;Namibians||
NRU|Nauru|Republic of Nauru|Nauruan||
NPL|Nepal|Federal Democratic Republic of Nepal|Nepali;Nepalese||
NLD|Netherlands|Kingdom of the Netherlands;Holland|Dutch||
NZL|New Zealand||New Zealander;New Zealanders||
NIC|Nicaragua|Republic of Nicaragua|Nicaraguan;Nicaraguans||
NER|Niger|Republic of the Niger|Nigerien;Nigeriens||
NGA|Nigeria|Federal Republic of Nigeria|Nigerian;Nigerians||
MKD|North Macedonia|Republic of North Macedonia;Macedonia|Macedonian;Macedonians||
NOR|Norway|Kingdom of Norway|Norwegian;Norwegians||
OMN|Oman|Sultanate of Oman|Omani;Omanis||
PAK|Pakistan|Islamic Republic of Pakistan|Pakistani;Pakistanis||
PLW|Palau|Republic of Palau|Palauan||
PAN|Panama|Republic of Panama|Panamanian;Panamanians||
PNG|Papua New Guinea|Independent State of Papua New Guinea|Papua New Guinean||
PRY|Paraguay|Republic of Paraguay|Paraguayan;Paraguayans||
PER|Peru|Republic of Peru|Peruvian;Peruvians||
PHL|Philippines|Republic of the Philippines|Filipino;Filipinos;Philippine||
POL|Poland|Republic of Poland|Polish;Poles||
PRT|Portugal|Portuguese Republic|Portuguese||
QAT|Qatar|State of Qatar|Qatari;Qataris||
KOR|South Korea|Republic of Korea;ROK|South Korean;South Koreans||
ROU|Romania||Romanian;Romanians||
RUS|Russia|Russian Federation|Russian;Russians|Russian Armed Forces|
RWA|Rwanda|Republic of Rwanda|Rwandan;Rwandans;Rwandese|Rwanda Defence Force;RDF;Rwandan Defence Force;Rwanda Defense Force;Rwandan army|Rwanda National Police;RNP
KNA|Saint Kitts and Nevis|St Kitts and Nevis|Kittitian||
LCA|Saint Lucia|St Lucia|Saint Lucian||
VCT|Saint Vincent and the Grenadines|St Vincent and the Grenadines|Vincentian||
WSM|Samoa|Independent State of Samoa|Samoan;Samoans||
SMR|San Marino|Republic of San Marino|Sammarinese||
STP|Sao Tome and Principe|São Tomé and Príncipe|Santomean||
SAU|Saudi Arabia|Kingdom of Saudi Arabia|Saudi;Saudis;Saudi Arabian||
SEN|Senegal|Republic of Senegal|Senegalese||
SRB|Serbia|Republic of Serbia|Serbian;Serb;Serbs||
SYC|Seychelles|Republic of Seychelles|Seychellois||
SLE|Sierra Leone|Republic of Sierra Leone|Sierra Leonean;Sierra Leoneans||
SGP|Singapore|Republic of Singapore|Singaporean;Singaporeans||
SVK|Slovakia|Slovak Republic|Slovak;Slovaks||
SVN|Slovenia|Republic of Slovenia|Slovenian;Slovene;Slovenes||
SLB|Solomon Islands||Solomon Islander||
SOM|Somalia|Federal Republic of Somalia|Somali;Somalis|Somali National Army;SNA|
ZAF|South Africa|Republic of South Africa|South African;South Africans|South African National Defence Force;SANDF|South African Police Service;SAPS
SSD|South Sudan|Republic of South Sudan|South Sudanese|South Sudan People's Defence Forces;SSPDF|
ESP|Spain|Kingdom of Spain|Spanish;Spaniards||
LKA|Sri Lanka|Democratic Socialist Republic of Sri Lanka|Sri Lankan;Sri Lankans||
SDN|Sudan|Republic of the Sudan;the Sudan|Sudanese|Sudanese Armed Forces;SAF|
SUR|Suriname|Republic of Suriname|Surinamese||
SWE|Sweden|Kingdom of Sweden|Swedish;Swedes||
CHE|Switzerland|Swiss Confederation|Swiss||
SYR|Syria|Syrian Arab Republic|Syrian;Syrians||
TJK|Tajikistan|Republic of Tajikistan|Tajik;Tajiks||
THA|Thailand|Kingdom of Thailand|Thai||
TLS|Timor-Leste|East Timor|Timorese||
TGO|Togo|Togolese Republic|Togolese||
TON|Tonga|Kingdom of Tonga|Tongan;Tongans||
TTO|Trinidad and Tobago|Trinidad|Trinidadian;Tobagonian||
TUN|Tunisia|Republic of Tunisia|Tunisian;Tunisians||
TUR|Türkiye|Turkey;Republic of Türkiye;Turkiye|Turkish;Turks||
TKM|Turkmenistan||Turkmen||
TUV|Tuvalu||Tuvaluan||
UGA|Uganda|Republic of Uganda|Ugandan;Ugandans|Uganda People's Defence Force;UPDF;Uganda People's Defence Forces|Uganda Police Force
UKR|Ukraine||Ukrainian;Ukrainians|Armed Forces of Ukraine|
ARE|United Arab Emirates|UAE;Emirates|Emirati;Emiratis||
GBR|United Kingdom|UK;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland;U.K.|British;Briton;Britons|British Army;British Armed Forces|
TZA|Tanzania|United Republic of Tanzania|Tanzanian;Tanzanians|Tanzania People's Defence Force;TPDF|
USA|United States|United States of America;US;U.S.;USA;U.S.A.;America|American;Americans|United States Armed Forces;US military;Pentagon|
URY|Uruguay|Oriental Republic of Uruguay|Uruguayan;Uruguayans||
UZB|Uzbekistan|Republic of Uzbekistan|Uzbek;Uzbeks||
VUT|Vanuatu|Republic of Vanuatu|Ni-Vanuatu||
VEN|Venezuela|Bolivarian Republic of Venezuela|Venezuelan;Venezuelans||
VNM|Vietnam|Viet Nam;Socialist Republic of Vietnam|Vietnamese||
YEM|Yemen|Republic of Yemen|Yemeni;Yemenis||
ZMB|Zambia|Republic of Zambia|Zambian;Zambians||
ZWE|Zimbabwe|Republic of Zimbabwe|Zimbabwean;Zimbabweans|Zimbabwe Defence Forces;ZDF|
"""

# Extra government names where the press uses a metonym for the seat of government.
GOVERNMENT = {
    "USA": ["US government", "Washington", "White House", "State Department", "US State Department"],
    "COD": ["Kinshasa government"],
    "RWA": ["Kigali government"],
    "GBR": ["British government"],
}


def main():
    rows = [line.split("|") for line in TABLE.strip().splitlines()]
    assert len(rows) == 193, f"expected 193 UN member states, got {len(rows)}"
    print("# The 193 UN member states with their governments, militaries and police.")
    print("# GENERATED by gen_countries.py: edit the table there and re-run (docs/actors.md).")
    print("# A 'country XXX' block defines XXX (state), XXX_GOV, XXX_MIL and XXX_POL.")
    for iso, name, others, demonyms, military, police in rows:
        print()
        print(f"country {iso}")
        print(f"  name: {name}")
        if others:
            print(f"  alias: {others}")
        # "Dominican (Dominica)" marks a demonym shared with another state: not indexed.
        dems = [d for d in demonyms.split(";") if d and "(" not in d]
        # Plural demonyms ("Rwandans") name people, coded CIVILIANS with the country as hint.
        people = [d for d in dems if d.endswith("s") and (d[:-1] in dems or d[:-1] + "n" in dems
                  or d in ("Afghans", "Britons", "Filipinos", "Croats", "Serbs", "Danes", "Poles",
                           "Turks", "Finns", "Swedes", "Spaniards", "Slovenes", "Slovaks", "Czechs",
                           "Tajiks", "Uzbeks", "Saudis", "Bahrainis", "Emiratis", "Somalis", "Kuwaitis",
                           "Omanis", "Qataris", "Yemenis", "Iraqis", "Israelis", "Pakistanis",
                           "Bangladeshis", "Azerbaijanis", "Argentines"))]
        dems = [d for d in dems if d not in people]
        if dems:
            print(f"  demonym: {'; '.join(dems)}")
        if people:
            print(f"  people: {'; '.join(people)}")
        if iso in GOVERNMENT:
            print(f"  government: Government of {name}; {'; '.join(GOVERNMENT[iso])}")
        if military:
            print(f"  military: {military.replace(';', '; ')}")
        if police:
            print(f"  police: {police.replace(';', '; ')}")


if __name__ == "__main__":
    main()
