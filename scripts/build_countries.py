"""Write seeds/countries.csv: 193 UN member states plus TWN, PSE, VAT and XKX.

Hand-checked reference data; the table below is the source of truth. Rules:
- every name / alias / capital / capital alias is unique across the file
  (case-insensitively); a city-state whose capital shares its name keeps it;
- every demonym form maps to exactly one country (plural forms of demonyms
  ending in -an / -i are added automatically);
- lat/lon is a marker point inside the country (Natural Earth label centroid
  from the bundled topojson, with USA = contiguous-US centroid and a few
  points moved back inside their country).

Run: python scripts/build_countries.py
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "seeds" / "countries.csv"
FOCUS = {"USA", "JPN", "KOR", "PRK", "CHN", "PHL"}
NON_MEMBERS = {"TWN", "PSE", "VAT", "XKX"}
NO_AUTO_PLURAL = {"I-Kiribati", "Frenchman"}

# iso3, iso2, name, aliases, capital, capital_aliases, demonyms, lat, lon
ROWS = [
    ('AFG', 'AF', 'Afghanistan', 'Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan', 'Kabul', '', 'Afghan', 33.84, 66),
    ('ALB', 'AL', 'Albania', 'Republic of Albania', 'Tirana', '', 'Albanian', 41.14, 20.05),
    ('DZA', 'DZ', 'Algeria', "People's Democratic Republic of Algeria", 'Algiers', '', 'Algerian', 28.16, 2.62),
    ('AND', 'AD', 'Andorra', 'Principality of Andorra', 'Andorra la Vella', '', 'Andorran', 42.54, 1.56),
    ('AGO', 'AO', 'Angola', 'Republic of Angola', 'Luanda', '', 'Angolan', -12.33, 17.56),
    ('ATG', 'AG', 'Antigua and Barbuda', 'Antigua', "St. John's", "St John's|Saint John's", 'Antiguan', 17.08, -61.79),
    ('ARG', 'AR', 'Argentina', 'Argentine Republic', 'Buenos Aires', '', 'Argentine|Argentines|Argentinian', -35.18, -65.16),
    ('ARM', 'AM', 'Armenia', 'Republic of Armenia', 'Yerevan', '', 'Armenian', 40.29, 44.93),
    ('AUS', 'AU', 'Australia', 'Commonwealth of Australia', 'Canberra', '', 'Australian', -25.57, 134.36),
    ('AUT', 'AT', 'Austria', 'Republic of Austria', 'Vienna', '', 'Austrian', 47.59, 14.13),
    ('AZE', 'AZ', 'Azerbaijan', 'Republic of Azerbaijan', 'Baku', '', 'Azerbaijani|Azeri', 40.34, 47.66),
    ('BHS', 'BS', 'Bahamas', 'Commonwealth of The Bahamas', 'Nassau', '', 'Bahamian', 24.7, -78.04),
    ('BHR', 'BH', 'Bahrain', 'Kingdom of Bahrain', 'Manama', '', 'Bahraini', 26.04, 50.54),
    ('BGD', 'BD', 'Bangladesh', "People's Republic of Bangladesh", 'Dhaka', 'Dacca', 'Bangladeshi', 23.9, 90.22),
    ('BRB', 'BB', 'Barbados', '', 'Bridgetown', '', 'Barbadian|Bajan', 13.18, -59.56),
    ('BLR', 'BY', 'Belarus', 'Republic of Belarus|Byelorussia', 'Minsk', '', 'Belarusian', 53.53, 28.03),
    ('BEL', 'BE', 'Belgium', 'Kingdom of Belgium', 'Brussels', '', 'Belgian', 50.64, 4.64),
    ('BLZ', 'BZ', 'Belize', '', 'Belmopan', '', 'Belizean', 17.19, -88.72),
    ('BEN', 'BJ', 'Benin', 'Republic of Benin', 'Porto-Novo', 'Cotonou', 'Beninese', 9.64, 2.33),
    ('BTN', 'BT', 'Bhutan', 'Kingdom of Bhutan', 'Thimphu', '', 'Bhutanese', 27.41, 90.4),
    ('BOL', 'BO', 'Bolivia', 'Plurinational State of Bolivia', 'La Paz', 'Sucre', 'Bolivian', -16.71, -64.69),
    ('BIH', 'BA', 'Bosnia', 'Bosnia and Herzegovina|Bosnia-Herzegovina|BiH', 'Sarajevo', '', 'Bosnian', 44.17, 17.77),
    ('BWA', 'BW', 'Botswana', 'Republic of Botswana', 'Gaborone', '', 'Botswanan|Motswana|Batswana', -22.18, 23.8),
    ('BRA', 'BR', 'Brazil', 'Federative Republic of Brazil', 'Brasilia', 'Brasília', 'Brazilian', -10.84, -53.12),
    ('BRN', 'BN', 'Brunei', 'Brunei Darussalam', 'Bandar Seri Begawan', '', 'Bruneian', 4.49, 114.59),
    ('BGR', 'BG', 'Bulgaria', 'Republic of Bulgaria', 'Sofia', '', 'Bulgarian', 42.77, 25.22),
    ('BFA', 'BF', 'Burkina Faso', 'Upper Volta', 'Ouagadougou', '', 'Burkinabe|Burkinabè', 12.27, -1.75),
    ('BDI', 'BI', 'Burundi', 'Republic of Burundi', 'Gitega', 'Bujumbura', 'Burundian', -3.36, 29.88),
    ('CPV', 'CV', 'Cape Verde', 'Cabo Verde|Republic of Cabo Verde', 'Praia', '', 'Cape Verdean', 15.08, -23.64),
    ('KHM', 'KH', 'Cambodia', "Kingdom of Cambodia|Kampuchea|Democratic Kampuchea|People's Republic of Kampuchea", 'Phnom Penh', '', 'Cambodian|Kampuchean', 12.72, 104.91),
    ('CMR', 'CM', 'Cameroon', 'Republic of Cameroon', 'Yaounde', 'Yaoundé', 'Cameroonian', 5.69, 12.74),
    ('CAN', 'CA', 'Canada', '', 'Ottawa', '', 'Canadian', 57.93, -102.37),
    ('CAF', 'CF', 'Central African Republic', '', 'Bangui', '', 'Central African', 6.57, 20.47),
    ('TCD', 'TD', 'Chad', 'Republic of Chad', "N'Djamena", 'Ndjamena', 'Chadian', 15.33, 18.64),
    ('CHL', 'CL', 'Chile', 'Republic of Chile', 'Santiago', '', 'Chilean', -35.75, -71.31),
    ('CHN', 'CN', 'China', "People's Republic of China|PRC|P.R.C.|mainland China", 'Beijing', 'Peking', 'Chinese', 36.62, 103.8),
    ('COL', 'CO', 'Colombia', 'Republic of Colombia', 'Bogota', 'Bogotá', 'Colombian', 3.91, -73.08),
    ('COM', 'KM', 'Comoros', 'Union of the Comoros', 'Moroni', '', 'Comoran|Comorian', -11.65, 43.34),
    ('COG', 'CG', 'Republic of Congo', 'Republic of the Congo|Congo Republic|Congo-Brazzaville', 'Brazzaville', '', '', -0.84, 15.22),
    ('CRI', 'CR', 'Costa Rica', 'Republic of Costa Rica', 'San José', '', 'Costa Rican', 9.98, -84.19),
    ('CIV', 'CI', 'Ivory Coast', "Côte d'Ivoire|Cote d'Ivoire|Republic of Côte d'Ivoire", 'Yamoussoukro', 'Abidjan', 'Ivorian', 7.63, -5.57),
    ('HRV', 'HR', 'Croatia', 'Republic of Croatia', 'Zagreb', '', 'Croatian|Croat|Croats', 45.16, 16.42),
    ('CUB', 'CU', 'Cuba', 'Republic of Cuba', 'Havana', '', 'Cuban', 21.61, -78.94),
    ('CYP', 'CY', 'Cyprus', 'Republic of Cyprus', 'Nicosia', '', 'Cypriot|Cypriots', 34.92, 33.01),
    ('CZE', 'CZ', 'Czechia', 'Czech Republic|Czechoslovakia', 'Prague', '', 'Czech|Czechs|Czechoslovak', 49.73, 15.31),
    ('PRK', 'KP', 'North Korea', "DPRK|D.P.R.K.|Democratic People's Republic of Korea|N. Korea|N.Korea", 'Pyongyang', '', 'North Korean', 40.15, 127.19),
    ('COD', 'CD', 'Democratic Republic of Congo', 'DR Congo|D.R. Congo|DRC|Democratic Republic of the Congo|Congo-Kinshasa|Zaire', 'Kinshasa', '', 'Congolese|Zairean|Zairian', -2.88, 23.64),
    ('DNK', 'DK', 'Denmark', 'Kingdom of Denmark', 'Copenhagen', '', 'Danish|Dane|Danes', 56.24, 9.36),
    ('DJI', 'DJ', 'Djibouti', 'Republic of Djibouti', 'Djibouti', '', 'Djiboutian', 11.75, 42.56),
    ('DMA', 'DM', 'Dominica', 'Commonwealth of Dominica', 'Roseau', '', '', 15.44, -61.36),
    ('DOM', 'DO', 'Dominican Republic', '', 'Santo Domingo', '', 'Dominican', 18.89, -70.51),
    ('ECU', 'EC', 'Ecuador', 'Republic of Ecuador', 'Quito', '', 'Ecuadorian|Ecuadorean', -1.45, -78.39),
    ('EGY', 'EG', 'Egypt', 'Arab Republic of Egypt', 'Cairo', '', 'Egyptian', 26.5, 29.86),
    ('SLV', 'SV', 'El Salvador', 'Republic of El Salvador', 'San Salvador', '', 'Salvadoran|Salvadorean', 13.74, -88.87),
    ('GNQ', 'GQ', 'Equatorial Guinea', 'Republic of Equatorial Guinea', 'Malabo', '', 'Equatorial Guinean|Equatoguinean', 1.57, 10.47),
    ('ERI', 'ER', 'Eritrea', 'State of Eritrea', 'Asmara', '', 'Eritrean', 15.36, 38.84),
    ('EST', 'EE', 'Estonia', 'Republic of Estonia', 'Tallinn', '', 'Estonian', 58.69, 25.83),
    ('SWZ', 'SZ', 'Eswatini', 'Swaziland|Kingdom of Eswatini', 'Mbabane', 'Lobamba', 'Swazi', -26.56, 31.48),
    ('ETH', 'ET', 'Ethiopia', 'Federal Democratic Republic of Ethiopia', 'Addis Ababa', '', 'Ethiopian', 8.62, 39.6),
    ('FJI', 'FJ', 'Fiji', 'Republic of Fiji', 'Suva', '', 'Fijian', -17.82, 177.97),
    ('FIN', 'FI', 'Finland', 'Republic of Finland', 'Helsinki', '', 'Finnish|Finn|Finns', 64.5, 26.28),
    ('FRA', 'FR', 'France', 'French Republic', 'Paris', '', 'French|Frenchman|Frenchmen', 46.62, 2.45),
    ('GAB', 'GA', 'Gabon', 'Gabonese Republic', 'Libreville', '', 'Gabonese', -0.59, 11.79),
    ('GMB', 'GM', 'Gambia', 'Republic of The Gambia', 'Banjul', '', 'Gambian', 13.45, -15.4),
    ('GEO', 'GE', 'Georgia', '', 'Tbilisi', '', 'Georgian', 42.17, 43.51),
    ('DEU', 'DE', 'Germany', 'Federal Republic of Germany|West Germany|East Germany|German Democratic Republic', 'Berlin', 'Bonn', 'German|East German|West German', 51.09, 10.37),
    ('GHA', 'GH', 'Ghana', 'Republic of Ghana', 'Accra', '', 'Ghanaian', 7.95, -1.22),
    ('GRC', 'GR', 'Greece', 'Hellenic Republic', 'Athens', '', 'Greek|Greeks', 39.48, 22.58),
    ('GRD', 'GD', 'Grenada', '', "St. George's", "St George's|Saint George's", 'Grenadian', 12.12, -61.68),
    ('GTM', 'GT', 'Guatemala', 'Republic of Guatemala', 'Guatemala City', '', 'Guatemalan', 15.69, -90.36),
    ('GIN', 'GN', 'Guinea', 'Republic of Guinea|Guinea-Conakry', 'Conakry', '', 'Guinean', 10.44, -10.94),
    ('GNB', 'GW', 'Guinea-Bissau', 'Republic of Guinea-Bissau', 'Bissau', '', 'Bissau-Guinean', 12.06, -14.92),
    ('GUY', 'GY', 'Guyana', 'Co-operative Republic of Guyana', 'Georgetown', '', 'Guyanese', 4.79, -58.98),
    ('HTI', 'HT', 'Haiti', 'Republic of Haiti', 'Port-au-Prince', '', 'Haitian', 18.97, -72.29),
    ('HND', 'HN', 'Honduras', 'Republic of Honduras', 'Tegucigalpa', '', 'Honduran', 14.82, -86.62),
    ('HUN', 'HU', 'Hungary', '', 'Budapest', '', 'Hungarian', 47.16, 19.4),
    ('ISL', 'IS', 'Iceland', '', 'Reykjavik', 'Reykjavík', 'Icelandic|Icelander|Icelanders', 65, -18.57),
    ('IND', 'IN', 'India', 'Republic of India|Bharat', 'New Delhi', 'Delhi', 'Indian', 22.91, 79.59),
    ('IDN', 'ID', 'Indonesia', 'Republic of Indonesia', 'Jakarta', 'Nusantara', 'Indonesian', -0.19, 114.01),
    ('IRN', 'IR', 'Iran', 'Islamic Republic of Iran', 'Tehran', 'Teheran', 'Iranian', 32.58, 54.27),
    ('IRQ', 'IQ', 'Iraq', 'Republic of Iraq', 'Baghdad', '', 'Iraqi', 33.04, 43.74),
    ('IRL', 'IE', 'Ireland', 'Republic of Ireland|Eire|Éire', 'Dublin', '', 'Irish', 53.17, -8.13),
    ('ISR', 'IL', 'Israel', 'State of Israel', 'Jerusalem', 'Tel Aviv', 'Israeli', 31.05, 34.85),
    ('ITA', 'IT', 'Italy', 'Italian Republic', 'Rome', '', 'Italian', 43.53, 12.15),
    ('JAM', 'JM', 'Jamaica', '', 'Kingston', '', 'Jamaican', 18.16, -77.31),
    ('JPN', 'JP', 'Japan', '', 'Tokyo', '', 'Japanese', 36.65, 137.99),
    ('JOR', 'JO', 'Jordan', 'Hashemite Kingdom of Jordan', 'Amman', '', 'Jordanian', 31.25, 36.77),
    ('KAZ', 'KZ', 'Kazakhstan', 'Republic of Kazakhstan', 'Astana', 'Nur-Sultan', 'Kazakh|Kazakhs|Kazakhstani', 48.16, 67.29),
    ('KEN', 'KE', 'Kenya', 'Republic of Kenya', 'Nairobi', '', 'Kenyan', 0.6, 37.8),
    ('KIR', 'KI', 'Kiribati', 'Republic of Kiribati', 'Tarawa', 'South Tarawa', 'I-Kiribati', 1.42, 173.0),
    ('KWT', 'KW', 'Kuwait', 'State of Kuwait', 'Kuwait City', '', 'Kuwaiti', 29.32, 47.56),
    ('KGZ', 'KG', 'Kyrgyzstan', 'Kyrgyz Republic', 'Bishkek', '', 'Kyrgyz|Kyrgyzstani', 41.46, 74.53),
    ('LAO', 'LA', 'Laos', "Lao PDR|Lao People's Democratic Republic", 'Vientiane', '', 'Lao|Laotian', 18.5, 103.74),
    ('LVA', 'LV', 'Latvia', 'Republic of Latvia', 'Riga', '', 'Latvian', 56.85, 24.91),
    ('LBN', 'LB', 'Lebanon', 'Lebanese Republic', 'Beirut', '', 'Lebanese', 33.92, 35.88),
    ('LSO', 'LS', 'Lesotho', 'Kingdom of Lesotho', 'Maseru', '', 'Basotho|Mosotho', -29.58, 28.23),
    ('LBR', 'LR', 'Liberia', 'Republic of Liberia', 'Monrovia', '', 'Liberian', 6.45, -9.32),
    ('LBY', 'LY', 'Libya', 'State of Libya|Libyan Arab Jamahiriya', 'Tripoli', '', 'Libyan', 27.03, 18.01),
    ('LIE', 'LI', 'Liechtenstein', 'Principality of Liechtenstein', 'Vaduz', '', 'Liechtensteiner|Liechtensteiners', 47.14, 9.54),
    ('LTU', 'LT', 'Lithuania', 'Republic of Lithuania', 'Vilnius', '', 'Lithuanian', 55.33, 23.89),
    ('LUX', 'LU', 'Luxembourg', 'Grand Duchy of Luxembourg', 'Luxembourg', 'Luxembourg City', 'Luxembourger|Luxembourgers|Luxembourgish', 49.77, 6.07),
    ('MDG', 'MG', 'Madagascar', 'Republic of Madagascar', 'Antananarivo', '', 'Malagasy', -19.38, 46.7),
    ('MWI', 'MW', 'Malawi', 'Republic of Malawi', 'Lilongwe', '', 'Malawian', -13.22, 34.29),
    ('MYS', 'MY', 'Malaysia', '', 'Kuala Lumpur', 'Putrajaya', 'Malaysian', 4.21, 101.98),
    ('MDV', 'MV', 'Maldives', 'Republic of Maldives', 'Malé', '', 'Maldivian', 4.2, 73.5),
    ('MLI', 'ML', 'Mali', 'Republic of Mali', 'Bamako', '', 'Malian', 17.35, -3.54),
    ('MLT', 'MT', 'Malta', 'Republic of Malta', 'Valletta', '', 'Maltese', 35.89, 14.44),
    ('MHL', 'MH', 'Marshall Islands', 'Republic of the Marshall Islands', 'Majuro', '', 'Marshallese', 7.11, 171.19),
    ('MRT', 'MR', 'Mauritania', 'Islamic Republic of Mauritania', 'Nouakchott', '', 'Mauritanian', 20.26, -10.35),
    ('MUS', 'MU', 'Mauritius', 'Republic of Mauritius', 'Port Louis', '', 'Mauritian', -20.28, 57.57),
    ('MEX', 'MX', 'Mexico', 'United Mexican States', 'Mexico City', '', 'Mexican', 23.94, -102.51),
    ('FSM', 'FM', 'Micronesia', 'Federated States of Micronesia', 'Palikir', '', 'Micronesian', 6.89, 158.23),
    ('MDA', 'MD', 'Moldova', 'Republic of Moldova', 'Chisinau', 'Chișinău', 'Moldovan', 47.19, 28.46),
    ('MCO', 'MC', 'Monaco', 'Principality of Monaco', 'Monaco', '', 'Monegasque|Monegasques', 43.75, 7.41),
    ('MNG', 'MN', 'Mongolia', '', 'Ulaanbaatar', 'Ulan Bator', 'Mongolian', 46.83, 103.05),
    ('MNE', 'ME', 'Montenegro', '', 'Podgorica', '', 'Montenegrin|Montenegrins', 42.79, 19.24),
    ('MAR', 'MA', 'Morocco', 'Kingdom of Morocco', 'Rabat', '', 'Moroccan', 29.84, -8.46),
    ('MOZ', 'MZ', 'Mozambique', 'Republic of Mozambique', 'Maputo', '', 'Mozambican', -17.27, 35.53),
    ('MMR', 'MM', 'Myanmar', 'Burma|Republic of the Union of Myanmar', 'Naypyidaw', 'Naypyitaw|Nay Pyi Taw|Yangon|Rangoon', 'Burmese', 21.22, 96.49),
    ('NAM', 'NA', 'Namibia', 'Republic of Namibia', 'Windhoek', '', 'Namibian', -22.13, 17.21),
    ('NRU', 'NR', 'Nauru', 'Republic of Nauru', 'Yaren', '', 'Nauruan', -0.52, 166.93),
    ('NPL', 'NP', 'Nepal', '', 'Kathmandu', '', 'Nepali|Nepalese', 28.25, 83.92),
    ('NLD', 'NL', 'Netherlands', 'Holland|Kingdom of the Netherlands', 'Amsterdam', '', 'Dutch', 52.28, 5.64),
    ('NZL', 'NZ', 'New Zealand', 'NZ|Aotearoa', 'Wellington', '', 'New Zealander|New Zealanders', -43.97, 170.53),
    ('NIC', 'NI', 'Nicaragua', 'Republic of Nicaragua', 'Managua', '', 'Nicaraguan', 12.85, -85.03),
    ('NER', 'NE', 'Niger', 'Republic of Niger', 'Niamey', '', 'Nigerien', 17.42, 9.39),
    ('NGA', 'NG', 'Nigeria', 'Federal Republic of Nigeria', 'Abuja', '', 'Nigerian', 9.6, 8.09),
    ('MKD', 'MK', 'North Macedonia', 'Macedonia|Republic of North Macedonia|Former Yugoslav Republic of Macedonia|FYROM', 'Skopje', '', 'Macedonian', 41.6, 21.68),
    ('NOR', 'NO', 'Norway', 'Kingdom of Norway', 'Oslo', '', 'Norwegian', 64.24, 13.91),
    ('OMN', 'OM', 'Oman', 'Sultanate of Oman', 'Muscat', '', 'Omani', 20.58, 56.09),
    ('PAK', 'PK', 'Pakistan', 'Islamic Republic of Pakistan', 'Islamabad', '', 'Pakistani', 29.95, 69.34),
    ('PLW', 'PW', 'Palau', 'Republic of Palau', 'Ngerulmud', '', 'Palauan', 7.51, 134.58),
    ('PAN', 'PA', 'Panama', 'Republic of Panama', 'Panama City', '', 'Panamanian', 8.52, -80.11),
    ('PNG', 'PG', 'Papua New Guinea', 'PNG|Independent State of Papua New Guinea', 'Port Moresby', '', 'Papua New Guinean', -6.61, 144.24),
    ('PRY', 'PY', 'Paraguay', 'Republic of Paraguay', 'Asuncion', 'Asunción', 'Paraguayan', -23.23, -58.4),
    ('PER', 'PE', 'Peru', 'Republic of Peru', 'Lima', '', 'Peruvian', -9.15, -74.38),
    ('PHL', 'PH', 'Philippines', 'Republic of the Philippines', 'Manila', '', 'Philippine|Filipino|Filipinos|Filipina|Filipinas', 15.96, 121.42),
    ('POL', 'PL', 'Poland', 'Republic of Poland', 'Warsaw', '', 'Polish', 52.13, 19.39),
    ('PRT', 'PT', 'Portugal', 'Portuguese Republic', 'Lisbon', '', 'Portuguese', 39.68, -7.98),
    ('QAT', 'QA', 'Qatar', 'State of Qatar', 'Doha', '', 'Qatari', 25.31, 51.18),
    # "Korea"/"Korean" alone: South Korea's own short forms ("the Korean government", "Korea will impose…");
    # the North is always named as such, and the longer names win ("North Korea", "Korean Peninsula").
    ('KOR', 'KR', 'South Korea', 'Republic of Korea|ROK|R.O.K.|S. Korea|S.Korea|Korea', 'Seoul', '', 'South Korean|Korean', 36.46, 127.87),
    ('ROU', 'RO', 'Romania', '', 'Bucharest', '', 'Romanian', 45.85, 24.97),
    ('RUS', 'RU', 'Russia', 'Russian Federation|Soviet Union|USSR|U.S.S.R.|Union of Soviet Socialist Republics', 'Moscow', '', 'Russian|Soviet|Soviets', 61.66, 99.06),
    ('RWA', 'RW', 'Rwanda', 'Republic of Rwanda', 'Kigali', '', 'Rwandan', -1.99, 29.92),
    ('KNA', 'KN', 'Saint Kitts and Nevis', 'St Kitts and Nevis|St. Kitts and Nevis|Federation of Saint Christopher and Nevis', 'Basseterre', '', 'Kittitian', 17.33, -62.75),
    ('LCA', 'LC', 'Saint Lucia', 'St Lucia|St. Lucia', 'Castries', '', 'Saint Lucian|St Lucian', 13.89, -60.97),
    ('VCT', 'VC', 'Saint Vincent and the Grenadines', 'St Vincent and the Grenadines|St. Vincent and the Grenadines', 'Kingstown', '', 'Vincentian', 13.25, -61.2),
    ('WSM', 'WS', 'Samoa', 'Independent State of Samoa|Western Samoa', 'Apia', '', 'Samoan', -13.63, -172.44),
    ('SMR', 'SM', 'San Marino', 'Republic of San Marino', 'San Marino', '', 'Sammarinese', 43.94, 12.46),
    ('STP', 'ST', 'Sao Tome and Principe', 'São Tomé and Príncipe', 'Sao Tome', 'São Tomé', 'Sao Tomean|Santomean', 0.24, 6.61),
    ('SAU', 'SA', 'Saudi Arabia', 'Kingdom of Saudi Arabia|KSA', 'Riyadh', '', 'Saudi|Saudis|Saudi Arabian', 24.12, 44.54),
    ('SEN', 'SN', 'Senegal', 'Republic of Senegal', 'Dakar', '', 'Senegalese', 14.37, -14.47),
    ('SRB', 'RS', 'Serbia', 'Republic of Serbia|Serbia and Montenegro|Yugoslavia|Federal Republic of Yugoslavia', 'Belgrade', '', 'Serbian|Serb|Serbs|Yugoslav', 44.22, 20.79),
    ('SYC', 'SC', 'Seychelles', 'Republic of Seychelles', 'Victoria', '', 'Seychellois', -4.66, 55.48),
    ('SLE', 'SL', 'Sierra Leone', 'Republic of Sierra Leone', 'Freetown', '', 'Sierra Leonean', 8.57, -11.79),
    ('SGP', 'SG', 'Singapore', 'Republic of Singapore', 'Singapore', '', 'Singaporean', 1.36, 103.82),
    ('SVK', 'SK', 'Slovakia', 'Slovak Republic', 'Bratislava', '', 'Slovak|Slovaks|Slovakian', 48.71, 19.48),
    ('SVN', 'SI', 'Slovenia', 'Republic of Slovenia', 'Ljubljana', '', 'Slovenian|Slovene|Slovenes', 46.12, 14.8),
    ('SLB', 'SB', 'Solomon Islands', 'Solomons', 'Honiara', '', 'Solomon Islander|Solomon Islanders', -9.62, 160.17),
    ('SOM', 'SO', 'Somalia', 'Federal Republic of Somalia', 'Mogadishu', '', 'Somali', 4.75, 45.71),
    ('ZAF', 'ZA', 'South Africa', 'Republic of South Africa', 'Pretoria', 'Tshwane', 'South African', -29.01, 25.16),
    ('SSD', 'SS', 'South Sudan', 'Republic of South Sudan', 'Juba', '', 'South Sudanese', 7.31, 30.25),
    ('ESP', 'ES', 'Spain', 'Kingdom of Spain', 'Madrid', '', 'Spanish|Spaniard|Spaniards', 40.4, -3.56),
    ('LKA', 'LK', 'Sri Lanka', 'Democratic Socialist Republic of Sri Lanka', 'Colombo', 'Sri Jayawardenepura Kotte', 'Sri Lankan', 7.61, 80.7),
    ('SDN', 'SD', 'Sudan', 'Republic of the Sudan', 'Khartoum', 'Port Sudan', 'Sudanese', 15.99, 29.94),
    ('SUR', 'SR', 'Suriname', 'Republic of Suriname|Surinam', 'Paramaribo', '', 'Surinamese', 4.13, -55.91),
    ('SWE', 'SE', 'Sweden', 'Kingdom of Sweden', 'Stockholm', '', 'Swedish|Swede|Swedes', 62.83, 16.73),
    ('CHE', 'CH', 'Switzerland', 'Swiss Confederation', 'Bern', 'Berne', 'Swiss', 46.8, 8.21),
    ('SYR', 'SY', 'Syria', 'Syrian Arab Republic', 'Damascus', '', 'Syrian', 35.03, 38.51),
    ('TJK', 'TJ', 'Tajikistan', 'Republic of Tajikistan', 'Dushanbe', '', 'Tajik|Tajiks|Tajikistani', 38.53, 71.01),
    ('THA', 'TH', 'Thailand', 'Kingdom of Thailand', 'Bangkok', '', 'Thai', 15.13, 101.01),
    ('TLS', 'TL', 'East Timor', 'Timor-Leste|Timor Leste|Democratic Republic of Timor-Leste', 'Dili', '', 'East Timorese|Timorese', -8.81, 125.92),
    ('TGO', 'TG', 'Togo', 'Togolese Republic', 'Lome', 'Lomé', 'Togolese', 8.53, 0.96),
    ('TON', 'TO', 'Tonga', 'Kingdom of Tonga', "Nuku'alofa", 'Nukuʻalofa', 'Tongan', -21.17, -175.22),
    ('TTO', 'TT', 'Trinidad and Tobago', 'Trinidad|Republic of Trinidad and Tobago', 'Port of Spain', 'Port-of-Spain', 'Trinidadian|Trinbagonian', 10.42, -61.29),
    ('TUN', 'TN', 'Tunisia', 'Tunisian Republic', 'Tunis', '', 'Tunisian', 34.12, 9.55),
    ('TUR', 'TR', 'Turkey', 'Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey', 'Ankara', '', 'Turkish|Turk|Turks', 38.99, 35.42),
    ('TKM', 'TM', 'Turkmenistan', '', 'Ashgabat', 'Ashkhabad', 'Turkmen|Turkmens', 39.12, 59.37),
    ('TUV', 'TV', 'Tuvalu', '', 'Funafuti', '', 'Tuvaluan', -8.52, 179.2),
    ('UGA', 'UG', 'Uganda', 'Republic of Uganda', 'Kampala', '', 'Ugandan', 1.27, 32.37),
    ('UKR', 'UA', 'Ukraine', '', 'Kyiv', 'Kiev', 'Ukrainian', 49.16, 31.25),
    ('ARE', 'AE', 'United Arab Emirates', 'UAE|U.A.E.', 'Abu Dhabi', '', 'Emirati', 23.9, 54.31),
    ('GBR', 'GB', 'United Kingdom', 'UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland', 'London', '', 'British|Briton|Britons', 53.94, -2.51),
    ('TZA', 'TZ', 'Tanzania', 'United Republic of Tanzania', 'Dodoma', 'Dar es Salaam', 'Tanzanian', -6.28, 34.8),
    ('USA', 'US', 'United States', 'United States of America|U.S.|US|USA|U.S.A.|America', 'Washington', 'Washington, D.C.|Washington D.C.|Washington DC', 'American', 39.83, -98.58),
    ('URY', 'UY', 'Uruguay', 'Oriental Republic of Uruguay', 'Montevideo', '', 'Uruguayan', -32.8, -56.02),
    ('UZB', 'UZ', 'Uzbekistan', 'Republic of Uzbekistan', 'Tashkent', '', 'Uzbek|Uzbeks|Uzbekistani', 41.76, 63.13),
    ('VUT', 'VU', 'Vanuatu', 'Republic of Vanuatu', 'Port Vila', '', 'Vanuatuan|Ni-Vanuatu', -15.23, 166.85),
    ('VEN', 'VE', 'Venezuela', 'Bolivarian Republic of Venezuela', 'Caracas', '', 'Venezuelan', 7.12, -66.19),
    ('VNM', 'VN', 'Vietnam', 'Viet Nam|Socialist Republic of Vietnam|North Vietnam|South Vietnam', 'Hanoi', 'Ha Noi', 'Vietnamese', 14.06, 108.28),
    ('YEM', 'YE', 'Yemen', 'Republic of Yemen|North Yemen|South Yemen', 'Sanaa', "Sana'a|Aden", 'Yemeni', 15.94, 47.54),
    ('ZMB', 'ZM', 'Zambia', 'Republic of Zambia', 'Lusaka', '', 'Zambian', -13.46, 27.77),
    ('ZWE', 'ZW', 'Zimbabwe', 'Republic of Zimbabwe', 'Harare', '', 'Zimbabwean', -19, 29.85),
    ('TWN', 'TW', 'Taiwan', 'Republic of China|ROC|R.O.C.|Chinese Taipei', 'Taipei', '', 'Taiwanese', 23.75, 120.96),
    ('PSE', 'PS', 'Palestine', 'State of Palestine|Palestinian Authority|Palestinian National Authority', 'Ramallah', '', 'Palestinian', 31.95, 35.25),
    ('VAT', 'VA', 'Vatican', 'Holy See|Vatican City State', 'Vatican City', '', '', 41.9, 12.43),
    ('XKX', 'XK', 'Kosovo', 'Republic of Kosovo', 'Pristina', 'Prishtina|Priština', 'Kosovar|Kosovars|Kosovan', 42.6, 20.9),
]


def demonym_forms(spec: str) -> str:
    forms: list[str] = []
    for form in filter(None, spec.split("|")):
        if form not in forms:
            forms.append(form)
    for form in list(forms):
        if form in NO_AUTO_PLURAL or not (form.endswith("an") or form.endswith("i")):
            continue
        plural = form + "s"
        if plural not in forms:
            forms.append(plural)
    return "|".join(forms)


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(["iso3", "iso2", "name", "aliases", "capital", "capital_aliases",
                    "demonyms", "lat", "lon", "focus", "un_member"])
        for iso3, iso2, name, aliases, capital, cap_aliases, demonyms, lat, lon in sorted(ROWS):
            w.writerow([iso3, iso2, name, aliases, capital, cap_aliases, demonym_forms(demonyms),
                        f"{lat:.2f}", f"{lon:.2f}",
                        "true" if iso3 in FOCUS else "false",
                        "false" if iso3 in NON_MEMBERS else "true"])
    print(f"wrote {len(ROWS)} rows to {OUT}")


if __name__ == "__main__":
    main()
