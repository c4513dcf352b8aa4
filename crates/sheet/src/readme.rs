//! The "Les meg" sheet, generated from the mapping: how the workbook works, then one table row
//! per column of every sheet.

use crate::mapping::{all_sheets, columns, ColumnRole, Kind};

pub enum ReadmeRow {
    Title(&'static str),
    Heading(String),
    Para(String),
    TableHeader(Vec<&'static str>),
    TableRow(Vec<String>),
}

/// The kind of a column in words.
pub fn kind_text(k: Kind) -> String {
    match k {
        Kind::Id => "id (unik)".into(),
        Kind::Text => "tekst".into(),
        Kind::Multi => "tekst på bokmål / nynorsk / engelsk".into(),
        Kind::Enum(v) => format!(
            "valg: {}",
            v.iter().map(|(_, l)| *l).collect::<Vec<_>>().join(", ")
        ),
        Kind::Ref(t) => format!("id fra arket {}", t.join(" eller ")),
        Kind::RefList(t) => format!("id-er fra arket {}, skilt med komma", t.join(" eller ")),
        Kind::Date => "dato med presisjon".into(),
        Kind::Int(_, _) => "heltall".into(),
        Kind::Num => "tall".into(),
        Kind::Bool => "ja / nei".into(),
    }
}

const GENERAL: &[&str] = &[
    "Denne arbeidsboken er hele veikartet (feed.json) i regnearkform. Endre den i Excel eller LibreOffice, og gjør den om til JSON igjen med «veikart-sheet import». Importen sjekker alt med de samme reglene som veikart-check, og sier fra om hvert problem med ark, celle og kolonne, f.eks. «Milepæler!D14 (dato): «2027-13» er ikke en gyldig dato». Ingen fil skrives når det er feil.",
    "Ett ark per slags post, én rad per post, én kolonne per felt. Første rad er overskriftene: ikke endre dem. Poster under et tiltak (milepæler, faseperioder, roller …) har tiltakets id i kolonnen «tiltak».",
    "Kolonnen «nr» bestemmer rekkefølgen i veikartet (innenfor samme tiltak eller mål). Du kan derfor sortere og filtrere radene som du vil uten å endre noe. Nye rader kan ha tom nr (de kommer sist) eller et tall mellom to andre (f.eks. 2,5).",
    "Tomme rader hoppes over. Du kan legge til egne kolonner (med en overskrift som ikke er i tabellen under) og egne ark for notater: de blir ikke med i veikartet. Formler er ikke lov i kolonnene i tabellen under: skriv inn selve verdien.",
    "Tekster har tre kolonner: nb (bokmål, må fylles ut), nn (nynorsk) og en (engelsk). Appen viser nb når nn eller en mangler.",
    "Datoer skrives som tekst med presisjonen kilden gir: 2027 (år), 2027-H2 (halvår), 2027-Q3 (kvartal), 2027-høst (årstid: vår, sommer, høst, vinter; 2024-vinter er desember 2023 til februar 2024), 2027-06 (måned), 2027-06-15 (dag) eller en periode 2024/2027 (også 2023-høst/2024-vår).",
    "Behandlingsstatus (forslag, til drøfting, vedtatt, tatt ut) settes for hele veikartet på arket Veikartet, og for et mål, tiltak, en milepæl, ambisjon, prioriteringsliste eller et prinsipp i kolonnene «behandlingsstatus …» på deres ark når den er en annen enn veikartets. «behandlingsstatus vedtak» er id-en til vedtaket på arket Vedtak.",
    "Utledet eller oppgitt: kolonnene «grunnlag» sier om et faktum står i kildene («oppgitt», standard når cellen er tom) eller er utledet av redaksjonen («utledet»). Skriv da hvorfor i «begrunnelse nb» på samme rad; ellers gir importen en merknad.",
    "Risiko: én rad per risiko eller forutsetning på arket Risiko. Med tiltakets id i «tiltak» hører den til tiltaket; med «tiltak» tom gjelder den hele veikartet. Sannsynlighet og konsekvens (1–5) bare når kilden gir tall; ellers «nivå».",
    "Kolonner med nedtrekksliste har faste valg (f.eks. type på milepæl) eller viser til id-er på et annet ark. Id-er må være unike i hele veikartet.",
];

pub fn readme_rows() -> Vec<ReadmeRow> {
    let mut rows = vec![ReadmeRow::Title(
        "Les meg: veikartet i regneark (for porteføljekontoret)",
    )];
    rows.extend(GENERAL.iter().map(|p| ReadmeRow::Para((*p).into())));
    rows.push(ReadmeRow::Heading("Kilder".into()));
    rows.push(ReadmeRow::Para(crate::SOURCES_EXPLAINED.into()));
    rows.push(ReadmeRow::Heading("Arkene".into()));
    rows.push(ReadmeRow::TableHeader(vec!["ark", "i veikartfilen", "hva"]));
    for s in all_sheets() {
        rows.push(ReadmeRow::TableRow(vec![
            s.name.into(),
            s.json_path(),
            s.about.into(),
        ]));
    }
    rows.push(ReadmeRow::Heading("Kolonnene".into()));
    rows.push(ReadmeRow::TableHeader(vec![
        "ark",
        "kolonne",
        "felt i veikartfilen",
        "type",
        "må fylles ut",
        "forklaring",
    ]));
    for s in all_sheets() {
        for c in columns(s) {
            let (field, kind, req, help) = match c.what {
                ColumnRole::Field { col, lang } => {
                    if lang.is_some_and(|l| l != "nb") {
                        continue;
                    }
                    let header = if col.kind == Kind::Multi {
                        format!("{} nb / nn / en", col.header)
                    } else {
                        col.header.to_string()
                    };
                    let field = if col.field.is_empty() {
                        "(selve teksten)".to_string()
                    } else {
                        col.field.to_string()
                    };
                    let req = if col.kind == Kind::Multi && col.required {
                        "nb".to_string()
                    } else if col.required {
                        "ja".into()
                    } else {
                        String::new()
                    };
                    rows.push(ReadmeRow::TableRow(vec![
                        s.name.into(),
                        header,
                        field,
                        kind_text(col.kind),
                        req,
                        col.help.into(),
                    ]));
                    continue;
                }
                ColumnRole::Parent if s.parent_optional() => (
                    "(hører til)".to_string(),
                    format!("id fra arket {}", s.parent().unwrap_or("")),
                    "",
                    "Hvilken post raden hører under. Tom: raden gjelder hele veikartet."
                        .to_string(),
                ),
                ColumnRole::Parent => (
                    "(hører til)".to_string(),
                    format!("id fra arket {}", s.parent().unwrap_or("")),
                    "ja",
                    "Hvilken post raden hører under.".to_string(),
                ),
                ColumnRole::Owner => (
                    "(hører til)".to_string(),
                    "id, eller tiltak/ark/nr".to_string(),
                    "ja",
                    "Hvilken post kildehenvisningen gjelder (se «Kilder» over).".to_string(),
                ),
                ColumnRole::Nr => (
                    "(rekkefølge)".to_string(),
                    "tall".to_string(),
                    "",
                    if s.has_id() || !s.sources {
                        "Rekkefølgen i listen. Tom: sist.".to_string()
                    } else {
                        "Rekkefølgen i listen; sammen med «hører til» også radens nøkkel på arket Kilder. Tom: sist.".to_string()
                    },
                ),
            };
            rows.push(ReadmeRow::TableRow(vec![
                s.name.into(),
                c.header,
                field,
                kind,
                req.into(),
                help,
            ]));
        }
    }
    rows
}
