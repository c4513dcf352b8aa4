#!/usr/bin/env python3
"""Builds public/feeds/2021.json: the roadmap picture the 2019-2021 council papers (seeds 001-004)
give, as of NUFA 27 October 2021. It is the previous version of public/feed.json (NUIT 2/2023).

Records that the 2023 feed already took from seeds 001-004 (the step-2 sub-measures, their
dependencies, PLL's 2020 dependencies and decisions up to October 2021) are copied from
public/feed.json so that ids, wording and sources match exactly; everything else is written here,
each fact with its seed and lines. See docs/older-feed.md. Run from the repo root:

    python3 scripts/make_feed_2021.py
"""

import copy
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEW = json.loads((ROOT / "public/feed.json").read_text(encoding="utf-8"))
OLD_DOCS = {"001", "002", "003", "004"}
CUTOFF = "2021-10-27"


def src(doc, lines, case=None, quote=None):
    s = {"doc": doc, "lines": lines}
    if case:
        s["case"] = case
    if quote:
        s["quote"] = quote
    return s


def t(nb, en, nn=None):
    x = {"nb": nb}
    if nn:
        x["nn"] = nn
    x["en"] = en
    return x


def by_id(items, i):
    return copy.deepcopy(next(x for x in items if x["id"] == i))


# Fields that schema 1.1 added (issue 16). The 2021 feed stays a schema 1.0 feed, so records
# copied from the (1.1) 2023 feed lose them.
FIELDS_1_1 = {"basis", "basis_note", "period", "standing", "risks", "funding", "cost", "support",
              "replaces", "target_changed", "approximate", "order", "ongoing", "goals"}


def strip_1_1(rec):
    for k in FIELDS_1_1 & set(rec):
        if k == "basis" and "goal" in rec:  # a 1.0 goal link keeps its basis
            continue
        del rec[k]
    for v in rec.values():
        for sub in v if isinstance(v, list) else [v]:
            if isinstance(sub, dict):
                strip_1_1(sub)
    return rec


def only_old_sources(rec):
    """Keeps the source references to seeds 001-004 (the 2021 feed does not know seed 000)."""
    strip_1_1(rec)
    rec["sources"] = [s for s in rec.get("sources", []) if s["doc"] in OLD_DOCS]
    for key in ("actors", "milestones", "status", "benefits", "ambitions", "baselines"):
        if key not in rec:  # no empty keys on records that never had them (e.g. dependencies)
            continue
        for sub in rec[key]:
            sub["sources"] = [s for s in sub.get("sources", []) if s["doc"] in OLD_DOCS]
        rec[key] = [sub for sub in rec[key] if sub["sources"]]
    return rec


meta = {
    "schema_version": "1.0.0",
    "id": "veikart-2021-10",
    "title": t(
        "Veikart for nasjonale e-helseløsninger – bildet fra rådsmodellens papirer 2019–2021",
        "Roadmap for national e-health solutions – the picture in the council papers 2019–2021",
        "Vegkart for nasjonale e-helseløysingar – biletet frå papira i rådsmodellen 2019–2021",
    ),
    "version_label": t(
        "Oktober 2021 (NUFA 27.10.2021)",
        "October 2021 (NUFA 27 Oct 2021)",
        "Oktober 2021 (NUFA 27.10.2021)",
    ),
    "published": CUTOFF,
    "publisher": t(
        "Sammenstilt fra saksdokumentene til den nasjonale rådsmodellen for e-helse (NUFA, NUIT, Nasjonalt e-helsestyre), 2019–2021",
        "Compiled from the papers of the national council model for e-health (NUFA, NUIT, Nasjonalt e-helsestyre), 2019–2021",
    ),
    "plan_period": {"start": 2019, "end": 2022},
    "note": t(
        "Eldre versjon for sammenligning: bildet som papirene fra NUFA 1/20 (januar 2020), NUIT 5/2020 (september 2020), Nasjonalt e-helsestyre 7/20 (desember 2020) og NUFA 27. oktober 2021 gir. Bare det papirene sier er tatt med, med kilde og linjer; alt annet er utelatt. Planperioden er Strategisk plan 2019–2022. De fem prioriterte tiltakene hadde ennå ingen rangering, og ingen av dem hadde tallfestede ambisjoner eller sluttdatoer i disse papirene. NUFA mente i november 2019 at full bredding av PLL innen 2023 ikke var realistisk. NILAR (laboratorie- og radiologisvar) regnes her som samme tiltak som «Pasientens prøvesvar» i 2023 (se docs/older-feed.md).",
        "Older version for comparison: the picture the papers of NUFA 1/20 (January 2020), NUIT 5/2020 (September 2020), Nasjonalt e-helsestyre 7/20 (December 2020) and NUFA 27 October 2021 give. Only what the papers say is included, with source and lines; everything else is left out. The plan period is Strategisk plan 2019–2022. The five prioritised measures had no rank yet, and none of them had numeric ambitions or end dates in these papers. In November 2019 NUFA considered full roll-out of PLL by 2023 not realistic. NILAR (laboratory and radiology results) is treated here as the same measure as \"Pasientens prøvesvar\" in 2023 (see docs/older-feed.md).",
    ),
    "sources": [copy.deepcopy(s) for s in NEW["meta"]["sources"] if s["id"] in OLD_DOCS],
}

# --- measures -------------------------------------------------------------------------------

STEG2 = t("Steg 2 digital samhandling", "Step 2 digital collaboration")
PDS = t("Program digital samhandling", "Programme for digital collaboration")

pll = {
    "id": "PLL",
    "name": t("Pasientens legemiddelliste", "The patient's medication list", "Pasienten si legemiddelliste"),
    "short_name": "PLL",
    "aliases": [t("Tiltaksområde LM i steg 2", "Step-2 area LM")],
    "description": t(
        "Legemiddelprogrammet ønsker en stegvis tilnærming. Programmet er organisert rundt fire hovedleveranser som skal gjøre PLL mulig: utvikling av sentral forskrivningsmodul, Helseplattformen på e-resept, kjernejournal til kommunal pleie og omsorg, og utprøving av PLL og multidose i Helse Vest.",
        "The medicines programme wants a stepwise approach. It is organised around four main deliveries that make PLL possible: developing the central prescribing module, Helseplattformen on e-prescription, the summary care record for municipal nursing and care, and a trial of PLL and multi-dose in Helse Vest.",
    ),
    "programme": t(
        "Program for digitalisering av legemiddelområdet (Legemiddelprogrammet)",
        "Programme for digitalising the medicines area (the medicines programme)",
    ),
    # Issue 16: the owner the 2020 papers state (no period field in schema 1.0: in the note).
    "actors": [
        {
            "actor": "direktoratet-for-e-helse",
            "role": "owner",
            "note": t(
                "2020: eier av prosjektet «Digitalisering av legemiddelområdet».",
                "2020: owner of the project \"Digitalisering av legemiddelområdet\".",
            ),
            "sources": [
                src("002", "L831", quote="prosjekter som eies av Direktoratet for e-helse i 2020"),
                src("002", "L869", quote="Digitalisering av legemiddelområdet er høyt prioritert"),
                src("001", "L268", quote="Digitalisering av legemiddelområdet (Direktoratet for E-helse)"),
            ],
        }
    ],
    "phases": [],
    # Issue 16: NUFA's remark «full bredding av PLL innen 2023 ikke er realistisk» (002:L675-L677)
    # is no plan of the programme, so it is no milestone (it stays in the status text below).
    "milestones": [
        by_id(next(m for m in NEW["measures"] if m["id"] == "PLL")["milestones"], "PLL-m2020-ssd"),
    ],
    "status": [
        {
            "as_of": "2020-03",
            "rag": "red",
            "lifecycle": "active",
            "text": t(
                "«Digitalisering av legemiddelområdet (Direktoratet for E-helse)» står på listen over prosjekter med rød status. Forbehold: statusen ble ikke oppdatert ved innmeldingen 20. mars, så det er «usikkert hva status faktisk er».",
                "\"Digitalisering av legemiddelområdet (Direktoratet for E-helse)\" is on the list of projects with red status. Caveat: status was not updated at the 20 March report, so it is \"uncertain what the status actually is\".",
            ),
            "sources": [
                src("001", "L266-L268", "13/20", quote="Prosjekter med rød status:"),
                src("001", "L294", "13/20", quote="Usikkert hva status faktisk er da man ikke rakk å oppdatere status og risiko ved innmelding 20. mars."),
            ],
        },
        {
            "as_of": "2020-05",
            "lifecycle": "active",
            "text": t(
                "Ambisjonsnivået for 2020 er noe endret fra opprinnelige planer. Programmet og prosjektene er i en re-planleggingsprosess. Det pågår en ekstern vurdering av ambisjonsnivå og plan for veien videre.",
                "The ambition level for 2020 has changed somewhat from the original plans. The programme and its projects are being re-planned. An external review of the ambition level and the plan ahead is under way.",
            ),
            "sources": [src("001", "L400-L402", "13/20")],
        },
        {
            "as_of": "2020-12",
            "lifecycle": "active",
            "text": t(
                "Sentralt styringsdokument versjon 0.8 er forankret i programstyret; dialog med HOD om langsiktig finansiering og kvalitetssikring fortsetter. NUFA (nov. 2019): full bredding av PLL innen 2023 er ikke realistisk.",
                "Central governing document version 0.8 anchored in the programme board; dialogue with HOD on long-term financing and quality assurance continues. NUFA (Nov 2019): full roll-out of PLL by 2023 is not realistic.",
            ),
            "sources": [src("001", "L1041-L1046", "40/20"), src("002", "L675-L677")],
        },
    ],
    "sources": [src("003", "L141-L151", "28/20"), src("004", "L36", "29/21")],
}

provesvar = {
    "id": "PROVESVAR",
    "name": t(
        "Nasjonal informasjonstjeneste for oppslag av laboratorie- og radiologisvar (NILAR)",
        "National information service for looking up laboratory and radiology results (NILAR)",
    ),
    "short_name": "NILAR",
    "description": t(
        "Minimumsløsning NILAR for helsepersonell: samhandlingsløsning (meldingsmottak, database og api for søk), endringer i Kjernejournal for å tilgjengeliggjøre prøvesvar og svarrapporter for helsepersonell, klargjøre produsenter for å sende kopimelding, produksjonsklar løsning, utprøving og rettsgrunnlag. Leveranseplan 2021–23.",
        "Minimum NILAR solution for health personnel: a collaboration solution (message intake, database and search API), changes in Kjernejournal to make results and reports available to health personnel, preparing producers to send copy messages, a production-ready solution, a trial and the legal basis. Delivery plan 2021–23.",
    ),
    "programme": PDS,
    "actors": [],
    "phases": [],
    "milestones": [
        {
            "id": "PROVESVAR-m-utproving",
            "title": t("Start utprøving", "Trial starts"),
            "date": "2022-08",
            "kind": "planned",
            "date_text": t("aug 22", "Aug 2022"),
            "sources": [src("004", "L2266-L2267", "33/21", quote="aug 22")],
        }
    ],
    "status": [
        {
            "as_of": "2021-10",
            "lifecycle": "active",
            "text": t(
                "Prosjektet er i henhold til plan på utvikling av samhandlingsløsning, endringer i Kjernejournal og fokus på NILAR for helsepersonell.",
                "The project is on plan for developing the collaboration solution, the changes in Kjernejournal and the focus on NILAR for health personnel.",
            ),
            "sources": [src("004", "L2004-L2010", "33/21")],
        }
    ],
    "sources": [src("004", "L1919-L1955", "33/21"), src("004", "L2225-L2267", "33/21")],
}

area = lambda i, code, nb, en, lines, desc_nb, desc_en, desc_lines: {  # noqa: E731
    "id": i,
    "name": t(nb, en),
    "short_name": code,
    "description": t(desc_nb, desc_en),
    "programme": STEG2,
    "actors": [],
    "phases": [],
    "milestones": [],
    "status": [],
    "sources": [src("004", lines, "29/21"), src("004", desc_lines, "29/21")],
}

dokdeling = area(
    "DOKDELING", "JD", "Dokumentdeling", "Document sharing", "L39",
    "Behov: helseinformasjon som er registrert hos andre virksomheter er ofte ikke tilgjengelig for helsepersonell som behandler pasienten. Foreløpig vurdering av samlet nytte (steg 2): +++++.",
    "Need: health information recorded by other organisations is often not available to the health personnel treating the patient. Preliminary overall benefit (step 2): +++++.",
    "L192-L197",
)
kritinfo = area(
    "KRITINFO", "KI", "Kritisk informasjon", "Critical information", "L64",
    "Behov: kritisk informasjon om pasienten er ofte ikke oppdatert i kjernejournal, og helsepersonell kan derfor ikke være sikker på at de har oversikt over all registrert kritisk informasjon. Foreløpig vurdering av samlet nytte (steg 2): +/++.",
    "Need: critical information about the patient is often not up to date in Kjernejournal, so health personnel cannot be sure they see all recorded critical information. Preliminary overall benefit (step 2): +/++.",
    "L199-L208",
)
dho = area(
    "DHO", "DHO", "Digital hjemmeoppfølging", "Digital home follow-up", "L99",
    "Behov: det er ikke tilrettelagt for at data fra medisinsk utstyr som benyttes til digital hjemmeoppfølging kan deles digitalt med de systemer og aktører i helsesektoren som har behov for dem. Foreløpig vurdering av samlet nytte (steg 2): ++++.",
    "Need: data from medical devices used for digital home follow-up cannot yet be shared digitally with the systems and actors in the health sector that need them. Preliminary overall benefit (step 2): ++++.",
    "L210-L221",
)
dbep = area(
    "DBEP", "DBEP", "Digitale behandlings- og egenbehandlingsplaner", "Digital treatment and self-care plans", "L89",
    "Behov: informasjon i behandlings- og egenbehandlingsplaner fra andre aktører er ikke elektronisk tilgjengelig for helsepersonell eller pasient/innbygger. Nullalternativet: Helsedirektoratet utvikler løsning for DBEP og starter utprøving.",
    "Need: information in treatment and self-care plans from other actors is not electronically available to health personnel or patients/citizens. Zero alternative: Helsedirektoratet develops a DBEP solution and starts a trial.",
    "L223-L230",
)
dbep["sources"].append(src("004", "L422-L453", "29/21"))

grunnmur = {
    "id": "FELLES-GRUNNMUR",
    "name": t("Felles grunnmur for digitale tjenester", "Shared foundation for digital services (Felles grunnmur)"),
    "description": t(
        "Etablering av Felles grunnmur vil legge grunnlag for raskere, sikrere og mer kostnadseffektiv digitalisering av hele helsesektoren. Anbefalt ambisjonsnivå 2021 omfatter blant annet felleskomponenter for dokumentdeling, felles tillitsmodell, Kjernejournal – API kritisk info, pasientinformasjonslokalisator og felles hjelpenummer. HelseID, API management for nasjonale e-helseløsninger, grunndata, felles språk og meldingsutveksling forskyves til 2022–2024.",
        "Establishing Felles grunnmur lays the ground for faster, safer and more cost-effective digitalisation of the whole health sector. The recommended 2021 ambition level covers, among other things, shared components for document sharing, a common trust model, the Kjernejournal API for critical information, a patient information locator and a common help number. HelseID, API management for the national e-health solutions, master data, common terminology and messaging are moved to 2022–2024.",
    ),
    "actors": [],
    "phases": [],
    "milestones": [
        {
            "id": "FELLES-GRUNNMUR-m-forskjovet",
            "title": t(
                "Tiltak som forskyves (bl.a. HelseID, API management, grunndata)",
                "Work moved on (HelseID, API management, master data among others)",
            ),
            "date": "2022/2024",
            "kind": "planned",
            "date_text": t("2022–2024", "2022–2024"),
            "sources": [src("001", "L1166-L1180", "41/20", quote="Tiltak som forskyves -> 2022-2024")],
        }
    ],
    "ambitions": [
        {
            "year": 2021,
            "metric": t("Anbefalt ambisjonsnivå (budsjett)", "Recommended ambition level (budget)"),
            "value": 60.0,
            "unit": "MNOK",
            "text": t("Anbefalt ambisjonsnivå 2021: 60 MNOK.", "Recommended ambition level 2021: NOK 60 million."),
            "sources": [src("001", "L1162", "41/20", quote="Anbefalt ambisjonsnivå 2021 (60 MNOK)")],
        }
    ],
    "status": [],
    "sources": [src("001", "L1067-L1073", "41/20"), src("003", "L241-L246", "30/20"), src("001", "L1166-L1180", "41/20"), src("001", "L1191-L1227", "41/20")],
}

nvp = {
    "id": "VELFERDSTEKNOLOGIPROGRAM",
    "name": t("Nasjonalt velferdsteknologiprogram 2022–2024", "National welfare technology programme 2022–2024"),
    "short_name": "NVP",
    "description": t(
        "Regjeringen viderefører velferdsteknologiprogrammet i perioden 2022–2024. Den nasjonale innsatsen vris mot spredning av teknologi til barn, unge og voksne med medfødte eller tidlig ervervede funksjonsnedsettelser, spredning av digital hjemmeoppfølging til kronisk syke og varig struktur for nettverks- og prosessveiledning i kommunal helse- og omsorgstjeneste.",
        "The government continues the welfare technology programme for 2022–2024. National effort shifts towards spreading technology to children, young people and adults with congenital or early-acquired disabilities, spreading digital home follow-up to the chronically ill, and a lasting structure for network and process guidance in municipal health and care services.",
    ),
    "actors": [],
    "phases": [
        {
            "phase": "spredning",
            "start": "2022",
            "end": "2024",
            "note": t("Programperioden 2022–2024", "Programme period 2022–2024"),
            "sources": [src("004", "L1072-L1073", "31/21"), src("004", "L1108-L1111", "31/21")],
        }
    ],
    "milestones": [],
    "status": [],
    "sources": [src("004", "L1049", "31/21"), src("004", "L1072-L1073", "31/21"), src("004", "L1099-L1111", "31/21")],
}

helseplattformen = {
    "id": "HELSEPLATTFORMEN",
    "name": t("Helseplattformen", "Helseplattformen"),
    "description": t(
        "Helseplattformen AS er i ferd med å konfigurere felles PAS/EPJ for helsetjenesten i Midt-Norge.",
        "Helseplattformen AS is configuring a shared patient administration and health record system (PAS/EPJ) for the health service in Central Norway.",
    ),
    "actors": [],
    "phases": [],
    "milestones": [],
    "status": [
        {
            "as_of": "2020-01",
            "lifecycle": "active",
            "text": t("Programmet er nå i konfigurasjonsfase.", "The programme is now in its configuration phase."),
            "sources": [src("002", "L1517-L1519", "9/20")],
        }
    ],
    "sources": [src("002", "L1515-L1519", "9/20")],
}

subs = [
    only_old_sources(by_id(NEW["measures"], i))
    for i in ["LM-1", "JD-1", "JD-2", "JD-3", "JD-4", "KI-1", "KI-2", "KI-3", "KI-4", "DBEP-1", "DHO-3"]
]
measures = [pll, provesvar, dokdeling, kritinfo, dho, dbep] + subs + [grunnmur, nvp, helseplattformen]

# --- shared records -------------------------------------------------------------------------

dependencies = [
    only_old_sources(copy.deepcopy(d))
    for d in NEW["dependencies"]
    if all(s["doc"] in OLD_DOCS for s in d["sources"])
    # a 1.0 feed has no `seen_together` (schema 1.1)
    and d["kind"] != "seen_together"
]
dependencies.append(
    {
        "id": "dep-PROVESVAR-kjernejournal",
        "from": "PROVESVAR",
        "to": "kjernejournal",
        "kind": "builds_on",
        "critical": False,
        "note": t(
            "Endringer i Kjernejournal for å tilgjengeliggjøre prøvesvar og svarrapporter for helsepersonell; utprøvingen bruker Kjernejournals tilgangsstyring.",
            "Changes in Kjernejournal make results and reports available to health personnel; the trial uses Kjernejournal's access control.",
        ),
        "sources": [src("004", "L2234-L2235", "33/21")],
    }
)

used_ids = {x for d in dependencies for x in (d["from"], d["to"])}
components = [only_old_sources(copy.deepcopy(c)) for c in NEW["components"] if c["id"] in used_ids]

decisions = []
for d in NEW["decisions"]:
    if d["date"] <= CUTOFF and all(s["doc"] in OLD_DOCS for s in d["sources"]):
        d = copy.deepcopy(d)
        known = {m["id"] for m in measures} | {c["id"] for c in components}
        d["measures"] = [m for m in d["measures"] if m in known]
        if d["id"] == "nehs-41-20":
            d["measures"].append("FELLES-GRUNNMUR")
        decisions.append(d)
decisions += [
    {
        "id": "nufa-33-21",
        "body": "NUFA",
        "case": "33/21",
        "date": "2021-10-27",
        "case_type": t("Orientering", "Information"),
        "state": "proposed",
        "title": t("Status NILAR", "Status of NILAR"),
        "text": t("NUFA tar saken til orientering.", "NUFA takes the case for information."),
        "measures": ["PROVESVAR"],
        "sources": [src("004", "L1919", "33/21"), src("004", "L2279-L2281", "33/21")],
    },
    {
        "id": "nufa-31-21",
        "body": "NUFA",
        "case": "31/21",
        "date": "2021-10-27",
        "state": "proposed",
        "title": t(
            "Videre innretning av velferdsteknologiprogrammet 2022–2024",
            "Further direction of the welfare technology programme 2022–2024",
        ),
        "text": t(
            "NUFA støtter foreslått innretning av velferdsteknologiprogrammet i perioden 2022-2024, og målhierarki med tilhørende aktiviteter og leveranser i neste programperiode. NUFA ber Direktoratet for e-helse og Helsedirektoratet sørge for at innspill blir ivaretatt i det videre arbeidet.",
            "NUFA supports the proposed direction of the welfare technology programme for 2022–2024, and the goal hierarchy with its activities and deliveries in the next programme period. NUFA asks Direktoratet for e-helse and Helsedirektoratet to make sure the input is taken care of in the further work.",
        ),
        "measures": ["VELFERDSTEKNOLOGIPROGRAM", "DHO"],
        "sources": [src("004", "L1049", "31/21"), src("004", "L1383-L1389", "31/21")],
    },
    {
        "id": "nuit-30-20",
        "body": "NUIT",
        "case": "30/20",
        "meeting": "5/2020",
        "date": "2020-09-09",
        "case_type": t("Drøfting", "Discussion"),
        "state": "adopted",
        "title": t(
            "Felles grunnmur for digitale tjenester – revidering av plan for 2021",
            "Shared foundation for digital services – revising the plan for 2021",
        ),
        "text": t(
            "NUIT tar saken til orientering og ber Direktoratet for e-helse ta med seg innspill gitt i møtet i det videre arbeidet.",
            "NUIT takes the case for information and asks Direktoratet for e-helse to take the input given in the meeting into its further work.",
        ),
        "measures": ["FELLES-GRUNNMUR"],
        "sources": [src("003", "L60", "30/20"), src("003", "L241-L264", "30/20")],
    },
]

used_actors = {a["actor"] for m in measures for a in m.get("actors", [])}
used_actors |= {c["operator"] for c in components if c.get("operator")}
actors = []
for a in NEW["actors"]:
    if a["id"] in used_actors:
        a = copy.deepcopy(a)
        # Each actor is named in the step-2 rows of seed 004 that use it.
        rows = [s for m in subs for r in m["actors"] if r["actor"] == a["id"] for s in r["sources"]]
        if a["id"] == "nhn":
            # Seed 001 lists the national e-health solutions NHN delivers.
            rows = [src("001", "L464-L468")]
        if a["id"] == "direktoratet-for-e-helse":
            rows = [src("002", "L831", quote="prosjekter som eies av Direktoratet for e-helse i 2020")]
        a["sources"] = [s for s in a["sources"] if s["doc"] in OLD_DOCS] or rows[:1]
        actors.append(a)

phases = []
for p in NEW["phases"]:
    if p["id"] == "spredning":
        p = copy.deepcopy(p)
        p["sources"] = [src("004", "L1108-L1111", "31/21", quote="Spredning av digital hjemmeoppfølging til kronisk syke")]
        phases.append(p)

feed = {
    "meta": meta,
    "goals": [],
    "phases": phases,
    "actors": actors,
    "components": components,
    "measures": measures,
    "dependencies": dependencies,
    "decisions": decisions,
}

out = ROOT / "public/feeds/2021.json"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps(feed, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {out.relative_to(ROOT)}: {len(measures)} measures, {len(dependencies)} dependencies, {len(decisions)} decisions")
