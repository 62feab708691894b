"""Writes postings.smartrecruiters.jsonl from the sample board: one line per posting, its list entry and detail as the input,
and labels read from the raw fields by the rules below (each line was then reviewed by eye). Nothing here calls or copies
the Ingestor's code.

Labeling rules, as a careful reader of the posting would conclude:
- city: the English name of the city the posting names (the posting already writes English names); none when a remote
  posting writes its country as the city ("Poland, Remote, Poland"); Singapore is a city.
- region: the ISO 3166-2 code, without the country prefix, of the region the posting names (Poland's numeric codes,
  current since 2018-11-26); none when the posting names no region ("Dublin, , Ireland") or "Remote".
- country_code: the posting's country, upper case.
- workplace_type: remote when remote is true, hybrid when hybrid is true; otherwise none: no field or text says on-site,
  and remote=false, hybrid=false only says what the posting is not.
- employment_type: from typeOfEmployment (permanent and Full-time are full-time work).
- salary: compensation.salary of the detail, period yearly/monthly/hourly as year/month/hour; none without it (the only
  figure in those texts is "14 countries").

Run from the repository root: python3 src/Ingestor.Tests/Providers/SmartRecruiters/Eval/label.py
"""
import json
import pathlib

BOARD = pathlib.Path("samples/smartrecruiters/v1/companies/AcmeSynthetic")
OUT = pathlib.Path(__file__).with_name("postings.smartrecruiters.jsonl")

# Looked up by hand: ISO 3166-2 of the region each posting names.
REGION_CODES = {
    ("pl", "Masovian Voivodeship"): "14",
    ("pl", "Lesser Poland Voivodeship"): "12",
    ("pt", "Lisbon"): "11",
    ("at", "Vienna"): "9",
    ("ch", "ZH"): "ZH",
    ("ca", "QC"): "QC",
    ("us", "NY"): "NY",
    ("us", "CA"): "CA",
    ("br", "SP"): "SP",
}
# The name of each city named, as the dataset's hand-labeled location set writes it (Zürich and Montréal with their accents).
ENGLISH_CITY = {name: name for name in
                ["Warsaw", "Lisbon", "Vienna", "New York", "Dublin", "Kraków", "São Paulo", "Singapore", "San Francisco"]}
ENGLISH_CITY |= {"Zurich": "Zürich", "Montreal": "Montréal"}
EMPLOYMENT = {"permanent": "full_time", "part_time": "part_time", "contract": "contract", "intern": "intern", "temporary": "temporary"}
PERIOD = {"yearly": "year", "monthly": "month", "hourly": "hour"}


def label(entry, detail):
    place = entry["location"]
    country_name = place["fullLocation"].split(",")[-1].strip()
    # Singapore is a city and a country; only a remote posting writes its country where the city goes.
    city = None if place["city"] == country_name and place.get("remote") else ENGLISH_CITY[place["city"]]
    region = None if place["region"] in ("", "Remote") else REGION_CODES[(place["country"], place["region"])]
    workplace = "remote" if place.get("remote") else "hybrid" if place.get("hybrid") else None
    salary = (detail.get("compensation") or {}).get("salary")
    return {
        "city": city,
        "region": region,
        "country_code": place["country"].upper(),
        "workplace_type": workplace,
        "employment_type": EMPLOYMENT[entry["typeOfEmployment"]["id"]],
        "salary_min": salary["min"] if salary else None,
        "salary_max": salary["max"] if salary else None,
        "salary_currency": salary["currency"] if salary else None,
        "salary_period": PERIOD[salary["period"]] if salary else None,
    }


lines = []
for offset in (0, 10, 20):
    page = json.loads((BOARD / f"postings.offset-{offset}.json").read_text(encoding="utf-8"))
    for entry in page["content"]:
        detail = json.loads((BOARD / "postings" / f"{entry['id']}.json").read_text(encoding="utf-8"))
        line = {"input": {"provider": "smartrecruiters", "board": "AcmeSynthetic", "job": {"list": entry, "detail": detail}},
                "expect": label(entry, detail)}
        lines.append(json.dumps(line, ensure_ascii=False))
OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(lines)} postings labeled")
