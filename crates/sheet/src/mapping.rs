//! The one table that drives everything: which sheet holds which JSON array, and per column its
//! header, JSON field and kind. Export, import, the drop-down lists, column widths and the
//! "Les meg" sheet are all generated from it, and `tests/schema_coverage.rs` fails when a field of
//! the feed model (its JSON Schema) has no column here.
//!
//! **A new optional field of the feed is one line** in the `cols` of its sheet, e.g.
//! `col("sesong", "season", Text, OPT, "…")`. A new kind of nested record is one new [`Sheet`]
//! (with `place: Child { parent, field, header }`) in [`SHEETS`].

/// What a column holds and how a cell is read and written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// The record's own id (first column; unique across the feed, checked by validation).
    Id,
    /// Plain text, kept exactly as written.
    Text,
    /// A multilingual text `{nb, nn, en}`: three columns `header nb`, `header nn`, `header en`.
    Multi,
    /// One of a fixed set: `(JSON value, Norwegian label)`. The workbook shows the label; import
    /// accepts the label or the JSON value.
    Enum(&'static [(&'static str, &'static str)]),
    /// The id of a record on one of these sheets.
    Ref(&'static [&'static str]),
    /// Ids of records on these sheets, separated by commas.
    RefList(&'static [&'static str]),
    /// A date with its precision (`2027`, `2027-H2`, `2027-Q3`, `2027-06`, `2027-06-15`,
    /// `2024/2027`), kept as text.
    Date,
    /// A whole number in `min..=max`.
    Int(i64, i64),
    /// A number.
    Num,
    /// `ja` / `nei`.
    Bool,
}

/// One field of a record (a multilingual field is three columns in the workbook).
#[derive(Clone, Copy, Debug)]
pub struct Col {
    /// Column header (Norwegian, lower case).
    pub header: &'static str,
    /// JSON field in the record; `a.b` is field `b` of the optional object `a` (present when
    /// any of its columns has a value); `""` is the record itself (a list of texts).
    pub field: &'static str,
    pub kind: Kind,
    /// Must have a value (for a dotted field: whenever its object is present). For `Multi` it
    /// means the text object is always there; its `nb` is then checked by validation.
    pub required: bool,
    /// What it means, for the "Les meg" sheet.
    pub help: &'static str,
}

/// Where the records of a sheet live in the feed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    /// The single object at this top-level field (`meta`), written as field/value rows.
    Single(&'static str),
    /// The array at this top-level field (`measures`).
    Root(&'static str),
    /// The array `field` inside each record of the `parent` sheet; the column `header` holds the
    /// parent's id (for a `Single` parent there is no such column).
    Child {
        parent: &'static str,
        field: &'static str,
        header: &'static str,
    },
    /// The Kilder sheet: the `sources` array of every record that has one, keyed by its owner.
    Sources,
}

#[derive(Clone, Copy, Debug)]
pub struct Sheet {
    pub name: &'static str,
    pub place: Place,
    /// The records carry `sources` (listed on the Kilder sheet, keyed by the record).
    pub sources: bool,
    /// Optional inline objects (dotted columns) that carry their own `sources`:
    /// `(object field, key suffix)`; their Kilder key is `<record key>/<suffix>`.
    pub inline_sources: &'static [(&'static str, &'static str)],
    /// What the sheet is, for the "Les meg" sheet.
    pub about: &'static str,
    pub cols: &'static [Col],
}

impl Sheet {
    /// Whether the first column is the record's own id.
    pub fn has_id(&self) -> bool {
        self.cols.first().is_some_and(|c| c.kind == Kind::Id)
    }
    pub fn is_single(&self) -> bool {
        matches!(self.place, Place::Single(_))
    }
    /// The parent sheet's name, for child sheets.
    pub fn parent(&self) -> Option<&'static str> {
        match self.place {
            Place::Child { parent, .. } => Some(parent),
            _ => None,
        }
    }
    /// Header of the column that names the parent record, if there is one.
    pub fn parent_header(&self) -> Option<&'static str> {
        match self.place {
            Place::Child { parent, header, .. } if !sheet(parent).is_single() => Some(header),
            _ => None,
        }
    }
    /// The JSON array (or object) this sheet maps, e.g. `measures[*].milestones[*]`.
    pub fn json_path(&self) -> String {
        match self.place {
            Place::Single(f) => f.to_string(),
            Place::Root(f) => format!("{f}[*]"),
            Place::Child { parent, field, .. } => {
                format!("{}.{field}[*]", sheet(parent).json_path())
            }
            Place::Sources => "…sources[*]".into(),
        }
    }
}

/// The sheet with this name (panics on a name that is not in the table: a bug in the table).
pub fn sheet(name: &str) -> &'static Sheet {
    SHEETS
        .iter()
        .chain(std::iter::once(&SOURCES))
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no sheet named {name} in the mapping"))
}

pub const REQ: bool = true;
pub const OPT: bool = false;

pub const fn col(
    header: &'static str,
    field: &'static str,
    kind: Kind,
    required: bool,
    help: &'static str,
) -> Col {
    Col {
        header,
        field,
        kind,
        required,
        help,
    }
}

/// The header of the order column on every list sheet.
pub const NR: &str = "nr";
/// The header of the owner column on the Kilder sheet.
pub const OWNER: &str = "gjelder";
/// Name of the explanation sheet (ignored on import).
pub const README: &str = "Les meg";

use Kind::*;

pub const SOURCE_KIND: &[(&str, &str)] = &[
    ("case_papers", "saksdokumenter"),
    ("minutes", "referat"),
    ("slide_deck", "presentasjon"),
    ("external", "ekstern"),
];
pub const BODY: &[(&str, &str)] = &[
    ("NUIT", "NUIT"),
    ("NUFA", "NUFA"),
    ("NEHS", "NEHS"),
    ("NEHR", "NEHR"),
];
pub const ACTOR_KIND: &[(&str, &str)] = &[
    ("organisation", "organisasjon"),
    ("actor_group", "brukergruppe"),
];
pub const BASIS: &[(&str, &str)] = &[("stated", "oppgitt"), ("inferred", "utledet")];
pub const ROLE: &[(&str, &str)] = &[
    ("owner", "eier"),
    ("responsible", "ansvarlig"),
    ("coordinating", "koordinerer"),
    ("operator", "tjenesteleverandør"),
    ("participant", "deltaker"),
    ("shares_data", "deler data"),
    ("affected", "berørt brukergruppe"),
];
pub const QUALIFIER: &[(&str, &str)] = &[
    ("by", "i løpet av"),
    ("from", "fra"),
    ("earliest", "tidligst"),
    ("early", "primo"),
    ("mid", "medio"),
    ("late", "ultimo"),
    ("tentative", "foreløpig"),
];
pub const MILESTONE_KIND: &[(&str, &str)] = &[
    ("planned", "planlagt"),
    ("actual", "faktisk"),
    ("postponed", "utsatt"),
];
pub const COMPARATOR: &[(&str, &str)] = &[
    ("gt", "over"),
    ("gte", "minst"),
    ("eq", "lik"),
    ("lte", "høyst"),
    ("lt", "under"),
];
pub const RAG: &[(&str, &str)] = &[("green", "grønn"), ("yellow", "gul"), ("red", "rød")];
pub const LIFECYCLE: &[(&str, &str)] = &[
    ("candidate", "kandidat"),
    ("not_started", "ikke startet"),
    ("active", "pågår"),
    ("paused", "pauset"),
    ("finished", "avsluttet"),
];
pub const DEPENDENCY_KIND: &[(&str, &str)] = &[
    ("requires", "krever"),
    ("builds_on", "bygger på"),
    ("competes", "konkurrerer"),
    ("mutual", "gjensidig"),
];
pub const DECISION_STATE: &[(&str, &str)] = &[("proposed", "forslag"), ("adopted", "vedtatt")];

const U8: Kind = Int(0, u8::MAX as i64);
const U32: Kind = Int(0, u32::MAX as i64);
const I32: Kind = Int(i32::MIN as i64, i32::MAX as i64);
const NODES: Kind = Ref(&["Tiltak", "Komponenter"]);

/// Every sheet except Kilder, parents before children (the workbook's order).
pub const SHEETS: &[Sheet] = &[
    Sheet {
        name: "Veikartet",
        place: Place::Single("meta"),
        sources: false,
        inline_sources: &[],
        about: "Fakta om selve veikartfilen: versjon, tittel, dato, utgiver. Én rad per felt.",
        cols: &[
            col("skjemaversjon", "schema_version", Text, REQ, "Versjonen av filformatet, f.eks. 1.0.0. Endres bare av utviklerne."),
            col("id", "id", Text, REQ, "Fast id for denne versjonen av veikartet, f.eks. veikart-2023-05."),
            col("tittel", "title", Multi, REQ, "Veikartets tittel."),
            col("versjon", "version_label", Multi, REQ, "Navnet på versjonen, f.eks. «Mai 2023 (NUIT 2/2023)»."),
            col("publisert", "published", Date, REQ, "Datoen innholdet gjelder for."),
            col("utgiver", "publisher", Multi, REQ, "Hvem som står bak."),
            col("forrige versjon", "previous_version", Text, OPT, "Lenke (relativ eller http(s)) til forrige versjon, for sammenligning."),
            col("planperiode fra", "plan_period.start", I32, REQ, "Første år i planperioden."),
            col("planperiode til", "plan_period.end", I32, REQ, "Siste år i planperioden."),
            col("merknad", "note", Multi, OPT, "Fritekst til leserne om hvordan veikartet er laget."),
        ],
    },
    Sheet {
        name: "Kildedokumenter",
        place: Place::Child { parent: "Veikartet", field: "sources", header: "" },
        sources: false,
        inline_sources: &[],
        about: "Dokumentene alle kildehenvisninger viser til (møtepapirer, referater, nettsider).",
        cols: &[
            col("id", "id", Id, REQ, "Dokumentets id, f.eks. 000. Brukes i kolonnen «dokument» på arket Kilder."),
            col("tittel", "title", Multi, REQ, "Dokumentets tittel."),
            col("type", "kind", Enum(SOURCE_KIND), REQ, "Hva slags dokument."),
            col("organ", "body", Enum(BODY), OPT, "Rådsorganet, f.eks. NUIT."),
            col("møte", "meeting", Text, OPT, "Møtenummer, f.eks. 2/2023."),
            col("dato", "date", Date, OPT, "Dokumentets dato."),
            col("lenke", "url", Text, OPT, "http(s)-lenke, bare for dokumenter som er offentlige på nettet."),
        ],
    },
    Sheet {
        name: "Mål",
        place: Place::Root("goals"),
        sources: true,
        inline_sources: &[],
        about: "De strategiske målene i nasjonal e-helsestrategi.",
        cols: &[
            col("id", "id", Id, REQ, "Målets id, f.eks. mal-4."),
            col("nummer", "number", U32, REQ, "Målets nummer (1–5)."),
            col("navn", "name", Multi, REQ, "Målets navn."),
            col("beskrivelse", "description", Multi, OPT, "Utfyllende tekst."),
        ],
    },
    Sheet {
        name: "Delmål",
        place: Place::Child { parent: "Mål", field: "sub_goals", header: "mål" },
        sources: true,
        inline_sources: &[],
        about: "Delmål under de strategiske målene.",
        cols: &[
            col("id", "id", Id, REQ, "Delmålets id."),
            col("navn", "name", Multi, REQ, "Delmålets navn."),
        ],
    },
    Sheet {
        name: "Faser",
        place: Place::Root("phases"),
        sources: true,
        inline_sources: &[],
        about: "Fasene i verdikjeden (utprøving, innføring …) som tiltakenes perioder bruker.",
        cols: &[
            col("id", "id", Id, REQ, "Fasens id."),
            col("navn", "name", Multi, REQ, "Fasens navn."),
            col("farge", "color", Text, REQ, "Farge som #rrggbb, f.eks. #1f6f8b."),
        ],
    },
    Sheet {
        name: "Aktører",
        place: Place::Root("actors"),
        sources: true,
        inline_sources: &[],
        about: "Organisasjoner og brukergrupper. Hvilke roller de har i tiltakene står på arket Roller.",
        cols: &[
            col("id", "id", Id, REQ, "Aktørens id."),
            col("type", "kind", Enum(ACTOR_KIND), REQ, "Organisasjon eller brukergruppe."),
            col("navn", "name", Multi, REQ, "Aktørens navn."),
            col("kortnavn", "short_name", Text, OPT, "Forkortelse, f.eks. NHN."),
            col("overordnet", "parent", Ref(&["Aktører"]), OPT, "Id til organisasjonen den hører under (et HFs RHF)."),
        ],
    },
    Sheet {
        name: "Komponenter",
        place: Place::Root("components"),
        sources: true,
        inline_sources: &[],
        about: "Felles infrastruktur tiltakene bygger på (kjernejournal, HelseID …).",
        cols: &[
            col("id", "id", Id, REQ, "Komponentens id."),
            col("navn", "name", Multi, REQ, "Komponentens navn."),
            col("kortnavn", "short_name", Text, OPT, "Forkortelse."),
            col("beskrivelse", "description", Multi, OPT, "Utfyllende tekst."),
            col("driftes av", "operator", Ref(&["Aktører"]), OPT, "Id til aktøren som drifter den."),
        ],
    },
    Sheet {
        name: "Tiltak",
        place: Place::Root("measures"),
        sources: true,
        inline_sources: &[("goal", "hovedmål")],
        about: "Tiltakene i veikartet, ett per rad. Milepæler, faser, roller, ambisjoner, status og nytte står på egne ark med tiltakets id i kolonnen «tiltak».",
        cols: &[
            col("id", "id", Id, REQ, "Tiltakets id, f.eks. PLL."),
            col("del av", "parent", Ref(&["Tiltak"]), OPT, "Id til området eller programmet dette er et deltiltak av."),
            col("navn", "name", Multi, REQ, "Tiltakets navn."),
            col("kortnavn", "short_name", Text, OPT, "Koden papirene bruker, f.eks. KI-2."),
            col("beskrivelse", "description", Multi, OPT, "Utfyllende tekst."),
            col("prioritet", "priority", U8, OPT, "Avtalt rangering 1–5 av de fem prioriterte samhandlingstiltakene."),
            col("program", "programme", Multi, OPT, "Programmet tiltaket går i."),
            col("hovedmål", "goal.goal", Ref(&["Mål"]), REQ, "Id til det strategiske hovedmålet. Tom: ikke kjent."),
            col("hovedmål delmål", "goal.sub_goal", Ref(&["Delmål"]), OPT, "Id til et delmål under hovedmålet."),
            col("hovedmål grunnlag", "goal.basis", Enum(BASIS), OPT, "«oppgitt» i kildene eller «utledet» av redaksjonen (tom: oppgitt)."),
            col("hovedmål begrunnelse", "goal.note", Multi, OPT, "Hvorfor koblingen holder (bør fylles ut når den er utledet)."),
        ],
    },
    Sheet {
        name: "Andre navn",
        place: Place::Child { parent: "Tiltak", field: "aliases", header: "tiltak" },
        sources: false,
        inline_sources: &[],
        about: "Andre navn papirene bruker på samme tiltak.",
        cols: &[col("navn", "", Multi, REQ, "Det andre navnet.")],
    },
    Sheet {
        name: "Andre mål",
        place: Place::Child { parent: "Tiltak", field: "other_goals", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Strategiske mål tiltaket også bidrar til (hovedmålet står på arket Tiltak).",
        cols: &[
            col("mål", "goal", Ref(&["Mål"]), REQ, "Id til målet."),
            col("delmål", "sub_goal", Ref(&["Delmål"]), OPT, "Id til et delmål under målet."),
            col("grunnlag", "basis", Enum(BASIS), OPT, "«oppgitt» eller «utledet» (tom: oppgitt)."),
            col("begrunnelse", "note", Multi, OPT, "Hvorfor koblingen holder."),
        ],
    },
    Sheet {
        name: "Roller",
        place: Place::Child { parent: "Tiltak", field: "actors", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Aktørenes roller i tiltakene (eier, ansvarlig, berørt brukergruppe …). Aktørene selv står på arket Aktører.",
        cols: &[
            col("aktør", "actor", Ref(&["Aktører"]), REQ, "Id til aktøren."),
            col("rolle", "role", Enum(ROLE), REQ, "Aktørens rolle i tiltaket."),
            col("merknad", "note", Multi, OPT, "Fritekst."),
        ],
    },
    Sheet {
        name: "Faseperioder",
        place: Place::Child { parent: "Tiltak", field: "phases", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Når tiltaket er i hvilken fase (stolpene i tidslinjen).",
        cols: &[
            col("fase", "phase", Ref(&["Faser"]), REQ, "Id til fasen."),
            col("fra", "start", Date, REQ, "Start."),
            col("til", "end", Date, OPT, "Slutt. Tom: pågår, eller slutt ikke kjent."),
            col("merknad", "note", Multi, OPT, "Fritekst."),
        ],
    },
    Sheet {
        name: "Milepæler",
        place: Place::Child { parent: "Tiltak", field: "milestones", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Milepælene i tiltakene.",
        cols: &[
            col("id", "id", Id, REQ, "Milepælens id (unik i hele veikartet)."),
            col("dato", "date", Date, REQ, "Dato med presisjon: 2027, 2027-H2, 2027-Q3, 2027-06, 2027-06-15 eller periode 2024/2027."),
            col("presisering", "qualifier", Enum(QUALIFIER), OPT, "Hvordan datoen skal leses (i løpet av, fra, tidligst, primo, medio, ultimo, foreløpig)."),
            col("type", "kind", Enum(MILESTONE_KIND), OPT, "planlagt, faktisk eller utsatt (tom: planlagt)."),
            col("opprinnelig dato", "original_date", Date, OPT, "Datoen før den ble utsatt."),
            col("tittel", "title", Multi, REQ, "Hva milepælen er."),
            col("dato som tekst", "date_text", Multi, OPT, "Datoen slik kilden skriver den («høsten 2023»)."),
        ],
    },
    Sheet {
        name: "Ambisjoner",
        place: Place::Child { parent: "Tiltak", field: "ambitions", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Ambisjonsnivåer: mål for et år.",
        cols: &[
            col("år", "year", I32, REQ, "Året ambisjonen gjelder."),
            col("indikator", "metric", Multi, REQ, "Hva som måles."),
            col("sammenligning", "comparator", Enum(COMPARATOR), OPT, "over, minst, lik, høyst eller under."),
            col("verdi", "value", Num, OPT, "Tallverdien."),
            col("enhet", "unit", Text, OPT, "% eller en telleenhet."),
            col("tekst", "text", Multi, REQ, "Ambisjonen med ord."),
        ],
    },
    Sheet {
        name: "Utgangspunkt",
        place: Place::Child { parent: "Tiltak", field: "baselines", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Kjente utgangsverdier for indikatorene.",
        cols: &[
            col("dato", "date", Date, OPT, "Når verdien ble målt."),
            col("indikator", "metric", Multi, REQ, "Hva som måles."),
            col("verdi", "value", Num, OPT, "Tallverdien."),
            col("enhet", "unit", Text, OPT, "% eller en telleenhet."),
            col("tekst", "text", Multi, REQ, "Utgangspunktet med ord."),
        ],
    },
    Sheet {
        name: "Status",
        place: Place::Child { parent: "Tiltak", field: "status", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Statusrapporter; den med nyeste dato er gjeldende status.",
        cols: &[
            col("per", "as_of", Date, REQ, "Datoen statusen gjelder."),
            col("status", "rag", Enum(RAG), OPT, "grønn, gul eller rød."),
            col("risiko", "risk", Enum(RAG), OPT, "grønn, gul eller rød."),
            col("livsløp", "lifecycle", Enum(LIFECYCLE), REQ, "kandidat, ikke startet, pågår, pauset eller avsluttet."),
            col("rapportert av", "reported_by", Ref(&["Aktører"]), OPT, "Id til aktøren som rapporterte."),
            col("tekst", "text", Multi, OPT, "Statusen med ord."),
        ],
    },
    Sheet {
        name: "Nytte",
        place: Place::Child { parent: "Tiltak", field: "benefits", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Nytte per brukergruppe («Resultat og nytte»), + til +++++.",
        cols: &[
            col("brukergruppe", "actor_group", Ref(&["Aktører"]), REQ, "Id til en aktør av typen brukergruppe."),
            col("score", "score", U8, OPT, "Antall plusstegn, 1–5."),
            col("score maks", "score_max", U8, OPT, "Øvre grense når scoren er et spenn (+/++ er score 1, maks 2)."),
            col("tekst", "text", Multi, OPT, "Nytten med ord."),
        ],
    },
    Sheet {
        name: "Avhengigheter",
        place: Place::Root("dependencies"),
        sources: true,
        inline_sources: &[],
        about: "Avhengigheter: «fra» avhenger av «til» (til er forutsetningen).",
        cols: &[
            col("id", "id", Id, REQ, "Avhengighetens id."),
            col("fra", "from", NODES, REQ, "Id til tiltaket eller komponenten som avhenger av den andre."),
            col("til", "to", NODES, REQ, "Id til tiltaket eller komponenten som er forutsetningen."),
            col("type", "kind", Enum(DEPENDENCY_KIND), REQ, "krever, bygger på, konkurrerer eller gjensidig."),
            col("kritisk", "critical", Bool, OPT, "ja eller nei (tom: nei)."),
            col("merknad", "note", Multi, OPT, "Fritekst."),
        ],
    },
    Sheet {
        name: "Vedtak",
        place: Place::Root("decisions"),
        sources: true,
        inline_sources: &[],
        about: "Vedtak og forslag til vedtak i rådsorganene.",
        cols: &[
            col("id", "id", Id, REQ, "Vedtakets id."),
            col("organ", "body", Enum(BODY), REQ, "NUIT, NUFA, NEHS eller NEHR."),
            col("sak", "case", Text, REQ, "Saksnummer, f.eks. 20/23."),
            col("møte", "meeting", Text, OPT, "Møtenummer, f.eks. 2/2023."),
            col("dato", "date", Date, REQ, "Møtedato."),
            col("sakstype", "case_type", Multi, OPT, "Godkjenning, Orientering, Drøfting …"),
            col("tilstand", "state", Enum(DECISION_STATE), REQ, "forslag eller vedtatt."),
            col("tittel", "title", Multi, REQ, "Sakens tittel."),
            col("tekst", "text", Multi, REQ, "Vedtaksteksten."),
            col("gjelder tiltak", "measures", RefList(&["Tiltak", "Komponenter"]), OPT, "Id-er til tiltak eller komponenter vedtaket gjelder, skilt med komma."),
        ],
    },
];

/// The source references of every record: one row per reference, keyed by the owning record in
/// the column `gjelder` (see [`crate::SOURCES_EXPLAINED`]).
pub const SOURCES: Sheet = Sheet {
    name: "Kilder",
    place: Place::Sources,
    sources: false,
    inline_sources: &[],
    about:
        "Kildehenvisningene til alle postene: én rad per henvisning. «gjelder» sier hvilken post.",
    cols: &[
        col(
            "dokument",
            "doc",
            Ref(&["Kildedokumenter"]),
            REQ,
            "Id til dokumentet (arket Kildedokumenter).",
        ),
        col(
            "linjer",
            "lines",
            Text,
            OPT,
            "Linje eller linjer i dokumentet: L276 eller L276-L283.",
        ),
        col(
            "sak",
            "case",
            Text,
            OPT,
            "Saksnummer i papirene, f.eks. 20/23.",
        ),
        col(
            "sitat",
            "quote",
            Text,
            OPT,
            "Kort ordrett sitat, på dokumentets språk.",
        ),
    ],
};

/// All sheets of the workbook after "Les meg": [`SHEETS`] then Kilder.
pub fn all_sheets() -> impl Iterator<Item = &'static Sheet> {
    SHEETS.iter().chain(std::iter::once(&SOURCES))
}

/// A physical column of a sheet in the workbook.
#[derive(Clone, Debug)]
pub struct Column {
    pub header: String,
    pub what: ColumnRole,
}

#[derive(Clone, Copy, Debug)]
pub enum ColumnRole {
    /// A field of the record (for `Multi`, one language of it).
    Field {
        col: &'static Col,
        lang: Option<&'static str>,
    },
    /// The parent record's id.
    Parent,
    /// The owning record's key (Kilder only).
    Owner,
    /// The order within the parent list.
    Nr,
}

pub const LANGS: [&str; 3] = ["nb", "nn", "en"];

/// The columns of a sheet in workbook order: id, parent (or owner), nr, then the fields, with
/// each multilingual field as three columns.
pub fn columns(s: &'static Sheet) -> Vec<Column> {
    let mut out = vec![];
    let mut fields = s.cols.iter();
    let field = |c: &'static Col, out: &mut Vec<Column>| {
        if c.kind == Multi {
            for l in LANGS {
                out.push(Column {
                    header: format!("{} {l}", c.header),
                    what: ColumnRole::Field {
                        col: c,
                        lang: Some(l),
                    },
                });
            }
        } else {
            out.push(Column {
                header: c.header.to_string(),
                what: ColumnRole::Field { col: c, lang: None },
            });
        }
    };
    if s.has_id() {
        field(fields.next().expect("has_id"), &mut out);
    }
    if s.place == Place::Sources {
        out.push(Column {
            header: OWNER.into(),
            what: ColumnRole::Owner,
        });
    } else if let Some(h) = s.parent_header() {
        out.push(Column {
            header: h.into(),
            what: ColumnRole::Parent,
        });
    }
    if !s.is_single() {
        out.push(Column {
            header: NR.into(),
            what: ColumnRole::Nr,
        });
    }
    for c in fields {
        field(c, &mut out);
    }
    out
}
