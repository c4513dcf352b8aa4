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
    /// Records that live either in the top-level array `root` (the parent column is empty) or in
    /// the array `field` of a record of the `parent` sheet (the column `header` holds its id):
    /// risks of the whole feed and of one measure.
    Either {
        root: &'static str,
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
            Place::Child { parent, .. } | Place::Either { parent, .. } => Some(parent),
            _ => None,
        }
    }
    /// Whether the parent column may be empty (the record then sits at the top level).
    pub fn parent_optional(&self) -> bool {
        matches!(self.place, Place::Either { .. })
    }
    /// The array field this sheet fills in each record of the sheet `parent`, if any.
    pub fn field_in(&self, parent_sheet: &str) -> Option<&'static str> {
        match self.place {
            Place::Child { parent, field, .. } | Place::Either { parent, field, .. }
                if parent == parent_sheet =>
            {
                Some(field)
            }
            _ => None,
        }
    }
    /// The top-level field of the feed this sheet fills, if any.
    pub fn root_field(&self) -> Option<&'static str> {
        match self.place {
            Place::Single(f) | Place::Root(f) | Place::Either { root: f, .. } => Some(f),
            _ => None,
        }
    }
    /// Header of the column that names the parent record, if there is one.
    pub fn parent_header(&self) -> Option<&'static str> {
        match self.place {
            Place::Child { parent, header, .. } if !sheet(parent).is_single() => Some(header),
            Place::Either { header, .. } => Some(header),
            _ => None,
        }
    }
    /// The JSON array (or object) this sheet maps, e.g. `measures[*].milestones[*]`.
    pub fn json_path(&self) -> String {
        self.json_paths().join(" og ")
    }
    /// Every JSON array (or object) this sheet maps (two for [`Place::Either`]).
    pub fn json_paths(&self) -> Vec<String> {
        match self.place {
            Place::Single(f) => vec![f.to_string()],
            Place::Root(f) => vec![format!("{f}[*]")],
            Place::Child { parent, field, .. } => sheet(parent)
                .json_paths()
                .into_iter()
                .map(|p| format!("{p}.{field}[*]"))
                .collect(),
            Place::Either {
                root,
                parent,
                field,
                ..
            } => std::iter::once(format!("{root}[*]"))
                .chain(
                    sheet(parent)
                        .json_paths()
                        .into_iter()
                        .map(|p| format!("{p}.{field}[*]")),
                )
                .collect(),
            Place::Sources => vec!["…sources[*]".into()],
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
    ("commissions", "oppdragsgiver"),
    ("appoints", "utpeker ansvarlig"),
    ("proposed_owner", "foreslått eier"),
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
    ("seen_together", "sees i sammenheng"),
];
pub const DECISION_STATE: &[(&str, &str)] = &[("proposed", "forslag"), ("adopted", "vedtatt")];
/// Schema 1.1: where the feed or an item stands (the app's «behandlingsstatus»).
pub const STANDING: &[(&str, &str)] = &[
    ("proposed", "forslag"),
    ("for_discussion", "til drøfting"),
    ("adopted", "vedtatt"),
    ("withdrawn", "tatt ut"),
];
pub const RISK_KIND: &[(&str, &str)] = &[("risk", "risiko"), ("precondition", "forutsetning")];
pub const RISK_CATEGORY: &[(&str, &str)] = &[
    ("funding", "finansiering"),
    ("capacity", "kapasitet"),
    ("technology", "teknologi"),
    ("adoption", "innføring"),
    ("coordination", "samordning"),
    ("legal", "juridisk"),
    ("governance", "styring"),
    ("other", "annet"),
];
/// A coarse level as the papers word it; import also takes `-` for `–`.
pub const LEVEL: &[(&str, &str)] = &[
    ("low", "lav"),
    ("low_medium", "lav–middels"),
    ("medium", "middels"),
    ("medium_high", "middels–høy"),
    ("high", "høy"),
];
pub const FUNDING: &[(&str, &str)] = &[
    ("unfunded", "ikke finansiert"),
    ("partial", "delvis finansiert"),
    ("funded", "finansiert"),
    ("earmarked", "øremerkede midler"),
    ("co_financed", "samfinansiert"),
];

const U8: Kind = Int(0, u8::MAX as i64);
const U32: Kind = Int(0, u32::MAX as i64);
const I32: Kind = Int(i32::MIN as i64, i32::MAX as i64);
const NODES: Kind = Ref(&["Tiltak", "Komponenter"]);

// The help texts of the standing and basis columns, the same on every sheet that has them.
const H_STANDING: &str = "Behandlingsstatus: forslag, til drøfting, vedtatt eller tatt ut. Tom: som veikartet (arket Veikartet).";
const H_STANDING_DECISION: &str =
    "Id til vedtaket (arket Vedtak) som ga denne behandlingsstatusen.";
const H_STANDING_SINCE: &str = "Fra når behandlingsstatusen gjelder (dato med presisjon).";
const H_STANDING_TEXT: &str =
    "Behandlingsstatusen med ord, f.eks. «Lagt fram for NEHR til drøfting».";
const H_STANDING_BASIS: &str =
    "Er behandlingsstatusen «oppgitt» i kildene eller «utledet» av redaksjonen (tom: oppgitt)?";
const H_STANDING_NOTE: &str =
    "Hvorfor en utledet behandlingsstatus holder (bør fylles ut når den er utledet).";
const H_BASIS: &str = "«oppgitt» i kildene eller «utledet» av redaksjonen (tom: oppgitt).";
const H_BASIS_NOTE: &str =
    "Hvorfor det utledede holder (bør fylles ut når grunnlaget er «utledet»).";

/// Every sheet except Kilder, parents before children (the workbook's order).
pub const SHEETS: &[Sheet] = &[
    Sheet {
        name: "Veikartet",
        place: Place::Single("meta"),
        sources: false,
        inline_sources: &[("standing", "behandlingsstatus")],
        about: "Fakta om selve veikartfilen: versjon, tittel, dato, utgiver, behandlingsstatus og appens ord. Én rad per felt.",
        cols: &[
            col("skjemaversjon", "schema_version", Text, REQ, "Versjonen av filformatet, f.eks. 1.1.0. Endres bare av utviklerne."),
            col("id", "id", Text, REQ, "Fast id for denne versjonen av veikartet, f.eks. veikart-2023-05."),
            col("tittel", "title", Multi, REQ, "Veikartets tittel."),
            col("versjon", "version_label", Multi, REQ, "Navnet på versjonen, f.eks. «Mai 2023 (NUIT 2/2023)»."),
            col("publisert", "published", Date, REQ, "Datoen innholdet gjelder for."),
            col("utgiver", "publisher", Multi, REQ, "Hvem som står bak."),
            col("forrige versjon", "previous_version", Text, OPT, "Lenke (relativ eller http(s)) til forrige versjon, for sammenligning."),
            col("planperiode fra", "plan_period.start", I32, REQ, "Første år i planperioden."),
            col("planperiode til", "plan_period.end", I32, REQ, "Siste år i planperioden."),
            col("merknad", "note", Multi, OPT, "Fritekst til leserne om hvordan veikartet er laget."),
            col("behandlingsstatus", "standing.state", Enum(STANDING), REQ, "Hele veikartets behandlingsstatus: forslag, til drøfting, vedtatt eller tatt ut. Gjelder alle poster som ikke har sin egen. Tom: ikke oppgitt."),
            col("behandlingsstatus vedtak", "standing.decision", Ref(&["Vedtak"]), OPT, H_STANDING_DECISION),
            col("behandlingsstatus fra", "standing.since", Date, OPT, H_STANDING_SINCE),
            col("behandlingsstatus tekst", "standing.text", Multi, OPT, H_STANDING_TEXT),
            col("behandlingsstatus grunnlag", "standing.basis", Enum(BASIS), OPT, H_STANDING_BASIS),
            col("behandlingsstatus begrunnelse", "standing.basis_note", Multi, OPT, H_STANDING_NOTE),
            col("ord for mål", "terms.goal_singular", Multi, OPT, "Veikartets ord for ett øverste nivå (arket Mål), f.eks. «Innsatsområde». Tom: «Mål»."),
            col("ord for mål flertall", "terms.goal_plural", Multi, OPT, "Flertall av ordet over, f.eks. «Innsatsområder». Tom: «Mål»."),
            col("tittel i appen", "terms.title", Multi, OPT, "Tittelen øverst i appen. Tom: veikartets tittel."),
            col("undertittel i appen", "terms.subtitle", Multi, OPT, "Undertittelen øverst i appen. Tom: ingen."),
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
        inline_sources: &[("standing", "behandlingsstatus")],
        about: "De strategiske målene (eller veikartets eget øverste nivå, se «ord for mål» på arket Veikartet).",
        cols: &[
            col("id", "id", Id, REQ, "Målets id, f.eks. mal-4."),
            col("nummer", "number", U32, REQ, "Målets nummer (1–5)."),
            col("navn", "name", Multi, REQ, "Målets navn."),
            col("beskrivelse", "description", Multi, OPT, "Utfyllende tekst."),
            col("behandlingsstatus", "standing.state", Enum(STANDING), REQ, H_STANDING),
            col("behandlingsstatus vedtak", "standing.decision", Ref(&["Vedtak"]), OPT, H_STANDING_DECISION),
            col("behandlingsstatus fra", "standing.since", Date, OPT, H_STANDING_SINCE),
            col("behandlingsstatus tekst", "standing.text", Multi, OPT, H_STANDING_TEXT),
            col("behandlingsstatus grunnlag", "standing.basis", Enum(BASIS), OPT, H_STANDING_BASIS),
            col("behandlingsstatus begrunnelse", "standing.basis_note", Multi, OPT, H_STANDING_NOTE),
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
        inline_sources: &[
            ("goal", "hovedmål"),
            ("standing", "behandlingsstatus"),
            ("cost", "kostnad"),
            ("support", "støtte"),
            ("funding", "finansiering"),
        ],
        about: "Tiltakene i veikartet, ett per rad, med hovedmål, behandlingsstatus, kostnad, støtte og finansiering. Milepæler, faser, roller, ambisjoner, status, nytte og risiko står på egne ark med tiltakets id i kolonnen «tiltak».",
        cols: &[
            col("id", "id", Id, REQ, "Tiltakets id, f.eks. PLL."),
            col("del av", "parent", Ref(&["Tiltak"]), OPT, "Id til området eller programmet dette er et deltiltak av."),
            col("navn", "name", Multi, REQ, "Tiltakets navn."),
            col("kortnavn", "short_name", Text, OPT, "Koden papirene bruker, f.eks. KI-2."),
            col("beskrivelse", "description", Multi, OPT, "Utfyllende tekst."),
            col("prioritet", "priority", U8, OPT, "Rangering fra 1 slik veikart 1.0 hadde den. Nye rangeringer føres helst på arket Prioriteringslister."),
            col("program", "programme", Multi, OPT, "Programmet tiltaket går i."),
            col("hovedmål", "goal.goal", Ref(&["Mål"]), REQ, "Id til det strategiske hovedmålet. Tom: ikke kjent."),
            col("hovedmål delmål", "goal.sub_goal", Ref(&["Delmål"]), OPT, "Id til et delmål under hovedmålet."),
            col("hovedmål grunnlag", "goal.basis", Enum(BASIS), OPT, "«oppgitt» i kildene eller «utledet» av redaksjonen (tom: oppgitt)."),
            col("hovedmål begrunnelse", "goal.note", Multi, OPT, "Hvorfor koblingen holder (bør fylles ut når den er utledet)."),
            col("behandlingsstatus", "standing.state", Enum(STANDING), REQ, "Tiltakets behandlingsstatus: forslag, til drøfting, vedtatt eller tatt ut («tatt ut» tar det ut av veikartet). Tom: som veikartet."),
            col("behandlingsstatus vedtak", "standing.decision", Ref(&["Vedtak"]), OPT, H_STANDING_DECISION),
            col("behandlingsstatus fra", "standing.since", Date, OPT, H_STANDING_SINCE),
            col("behandlingsstatus tekst", "standing.text", Multi, OPT, H_STANDING_TEXT),
            col("behandlingsstatus grunnlag", "standing.basis", Enum(BASIS), OPT, H_STANDING_BASIS),
            col("behandlingsstatus begrunnelse", "standing.basis_note", Multi, OPT, H_STANDING_NOTE),
            col("kostnad", "cost.level", Enum(LEVEL), OPT, "Kostnadsnivå slik kilden sier det: lav, lav–middels, middels, middels–høy eller høy."),
            col("kostnad tekst", "cost.text", Multi, OPT, "Kostnaden med ord, f.eks. «Kost lav–middels»."),
            col("kostnad grunnlag", "cost.basis", Enum(BASIS), OPT, H_BASIS),
            col("kostnad begrunnelse", "cost.basis_note", Multi, OPT, H_BASIS_NOTE),
            col("støtte", "support.level", Enum(LEVEL), OPT, "Forventet støtte i sektoren: lav, lav–middels, middels, middels–høy eller høy."),
            col("støtte tekst", "support.text", Multi, OPT, "Støtten med ord, f.eks. «antatt støtte i sektoren»."),
            col("støtte grunnlag", "support.basis", Enum(BASIS), OPT, H_BASIS),
            col("støtte begrunnelse", "support.basis_note", Multi, OPT, H_BASIS_NOTE),
            col("finansiering", "funding.state", Enum(FUNDING), REQ, "ikke finansiert, delvis finansiert, finansiert, øremerkede midler eller samfinansiert. Tom: ikke oppgitt."),
            col("finansiering tekst", "funding.text", Multi, OPT, "Finansieringen med ord."),
            col("finansiering grunnlag", "funding.basis", Enum(BASIS), OPT, H_BASIS),
            col("finansiering begrunnelse", "funding.basis_note", Multi, OPT, H_BASIS_NOTE),
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
        about: "Aktørenes roller i tiltakene (eier, ansvarlig, oppdragsgiver, berørt brukergruppe …). Aktørene selv står på arket Aktører.",
        cols: &[
            col("aktør", "actor", Ref(&["Aktører"]), REQ, "Id til aktøren."),
            col("rolle", "role", Enum(ROLE), REQ, "Aktørens rolle i tiltaket. Oppdragsgiver, utpeker ansvarlig og foreslått eier («bør være») er bare for organisasjoner."),
            col("merknad", "note", Multi, OPT, "Fritekst."),
            col("periode", "period", Date, OPT, "Når rollen gjaldt, f.eks. 2020 eller 2021-10/2023-06 (eiere skifter). Tom: hele tiden."),
            col("grunnlag", "basis", Enum(BASIS), OPT, H_BASIS),
            col("begrunnelse", "basis_note", Multi, OPT, H_BASIS_NOTE),
        ],
    },
    Sheet {
        name: "Faseperioder",
        place: Place::Child { parent: "Tiltak", field: "phases", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Når tiltaket er i hvilken fase (stolpene i tidslinjen). Uten kjente datoer: «trinn» gir rekkefølgen, «pågår» sier at fasen er i gang.",
        cols: &[
            col("fase", "phase", Ref(&["Faser"]), REQ, "Id til fasen."),
            col("fra", "start", Date, OPT, "Start. Kan stå tom når «trinn» er fylt ut eller fasen pågår med ukjent start."),
            col("til", "end", Date, OPT, "Slutt. Tom: pågår, eller slutt ikke kjent."),
            col("trinn", "order", U32, OPT, "Fasens plass i tiltakets rekkefølge når datoene ikke er kjent (1 først): kartlegging 1, utredning 2, gjennomføring 3. Unikt per tiltak."),
            col("pågår", "ongoing", Bool, OPT, "ja: fasen er i gang (tom «fra»: starten er ukjent). Tom: nei."),
            col("merknad", "note", Multi, OPT, "Fritekst."),
            col("grunnlag", "basis", Enum(BASIS), OPT, "Er datoene «oppgitt» i kildene eller «utledet» av redaksjonen (tom: oppgitt)?"),
            col("begrunnelse", "basis_note", Multi, OPT, H_BASIS_NOTE),
        ],
    },
    Sheet {
        name: "Milepæler",
        place: Place::Child { parent: "Tiltak", field: "milestones", header: "tiltak" },
        sources: true,
        inline_sources: &[("standing", "behandlingsstatus")],
        about: "Milepælene i tiltakene.",
        cols: &[
            col("id", "id", Id, REQ, "Milepælens id (unik i hele veikartet)."),
            col("dato", "date", Date, REQ, "Dato med presisjon: 2027, 2027-H2, 2027-Q3, 2027-høst, 2027-06, 2027-06-15 eller periode 2024/2027."),
            col("presisering", "qualifier", Enum(QUALIFIER), OPT, "Hvordan datoen skal leses (i løpet av, fra, tidligst, primo, medio, ultimo, foreløpig)."),
            col("type", "kind", Enum(MILESTONE_KIND), OPT, "planlagt, faktisk eller utsatt (tom: planlagt)."),
            col("opprinnelig dato", "original_date", Date, OPT, "Datoen før den ble utsatt."),
            col("tittel", "title", Multi, REQ, "Hva milepælen er."),
            col("dato som tekst", "date_text", Multi, OPT, "Datoen slik kilden skriver den («høsten 2023»)."),
            col("grunnlag", "basis", Enum(BASIS), OPT, "Er datoen «oppgitt» i kilden eller «utledet» av redaksjonen, f.eks. et år lagt til «29. april» (tom: oppgitt)?"),
            col("begrunnelse", "basis_note", Multi, OPT, H_BASIS_NOTE),
            col("erstatter", "replaces", Text, OPT, "Id til milepælen i forrige versjon av veikartet som denne er (samme mål, ny id). Aldri en milepæl i denne versjonen."),
            col("nytt mål", "target_changed", Bool, OPT, "ja: sammen med «erstatter» er selve målet endret, ikke bare datoen (sammenligningen viser «Erstattet av et annet mål»). Tom: nei."),
            col("behandlingsstatus", "standing.state", Enum(STANDING), REQ, H_STANDING),
            col("behandlingsstatus vedtak", "standing.decision", Ref(&["Vedtak"]), OPT, H_STANDING_DECISION),
            col("behandlingsstatus fra", "standing.since", Date, OPT, H_STANDING_SINCE),
            col("behandlingsstatus tekst", "standing.text", Multi, OPT, H_STANDING_TEXT),
            col("behandlingsstatus grunnlag", "standing.basis", Enum(BASIS), OPT, H_STANDING_BASIS),
            col("behandlingsstatus begrunnelse", "standing.basis_note", Multi, OPT, H_STANDING_NOTE),
        ],
    },
    Sheet {
        name: "Ambisjoner",
        place: Place::Child { parent: "Tiltak", field: "ambitions", header: "tiltak" },
        sources: true,
        inline_sources: &[("standing", "behandlingsstatus")],
        about: "Ambisjonsnivåer: mål for et år.",
        cols: &[
            col("år", "year", I32, REQ, "Året ambisjonen gjelder."),
            col("indikator", "metric", Multi, REQ, "Hva som måles."),
            col("sammenligning", "comparator", Enum(COMPARATOR), OPT, "over, minst, lik, høyst eller under."),
            col("verdi", "value", Num, OPT, "Tallverdien."),
            col("enhet", "unit", Text, OPT, "% eller en telleenhet."),
            col("tekst", "text", Multi, REQ, "Ambisjonen med ord."),
            col("omtrentlig", "approximate", Bool, OPT, "ja: verdien er omtrentlig («omtrent», «over halvparten»). Tom: nei."),
            col("behandlingsstatus", "standing.state", Enum(STANDING), REQ, H_STANDING),
            col("behandlingsstatus vedtak", "standing.decision", Ref(&["Vedtak"]), OPT, H_STANDING_DECISION),
            col("behandlingsstatus fra", "standing.since", Date, OPT, H_STANDING_SINCE),
            col("behandlingsstatus tekst", "standing.text", Multi, OPT, H_STANDING_TEXT),
            col("behandlingsstatus grunnlag", "standing.basis", Enum(BASIS), OPT, H_STANDING_BASIS),
            col("behandlingsstatus begrunnelse", "standing.basis_note", Multi, OPT, H_STANDING_NOTE),
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
            col("omtrentlig", "approximate", Bool, OPT, "ja: verdien er omtrentlig («omtrent en tredjedel»). Tom: nei."),
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
            col("grunnlag", "basis", Enum(BASIS), OPT, "Er statusen «oppgitt» i kilden eller «utledet» av redaksjonen, f.eks. en farge lest av en lysbildeserie (tom: oppgitt)?"),
            col("begrunnelse", "basis_note", Multi, OPT, H_BASIS_NOTE),
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
        name: "Risiko",
        place: Place::Either { root: "risks", parent: "Tiltak", field: "risks", header: "tiltak" },
        sources: true,
        inline_sources: &[],
        about: "Risikoer og forutsetninger. Med tiltakets id i kolonnen «tiltak» hører risikoen til det tiltaket; med «tiltak» tom gjelder den hele veikartet (kolonnen «berører» kan da avgrense den).",
        cols: &[
            col("id", "id", Id, REQ, "Risikoens id (unik i hele veikartet), f.eks. PLL-r1."),
            col("type", "kind", Enum(RISK_KIND), OPT, "risiko (kan skje) eller forutsetning (må holde). Tom: risiko."),
            col("kategori", "category", Enum(RISK_CATEGORY), OPT, "finansiering, kapasitet, teknologi, innføring, samordning, juridisk, styring eller annet."),
            col("beskrivelse", "description", Multi, REQ, "Risikoen eller forutsetningen med ord."),
            col("sannsynlighet", "likelihood", U8, OPT, "1 (sjelden) til 5 (nesten sikkert). Bare når kilden gir et tall."),
            col("konsekvens", "consequence", U8, OPT, "1 (liten) til 5 (kritisk). Bare når kilden gir et tall."),
            col("nivå", "level", Enum(LEVEL), OPT, "Samlet nivå når kilden bare sier det med ord («høy risiko»): lav, lav–middels, middels, middels–høy eller høy."),
            col("håndtering", "mitigation", Multi, OPT, "Hva som gjøres for å redusere risikoen."),
            col("eier", "owner", Ref(&["Aktører"]), OPT, "Id til aktøren som eier risikoen."),
            col("per", "as_of", Date, OPT, "Når risikoen ble vurdert (dato med presisjon)."),
            col("berører", "concerns", RefList(&["Tiltak", "Komponenter"]), OPT, "Id-er til tiltak eller komponenter risikoen berører, skilt med komma. Tom: alle (for en risiko for hele veikartet)."),
            col("grunnlag", "basis", Enum(BASIS), OPT, H_BASIS),
            col("begrunnelse", "basis_note", Multi, OPT, H_BASIS_NOTE),
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
            col("type", "kind", Enum(DEPENDENCY_KIND), REQ, "krever, bygger på, konkurrerer, gjensidig eller sees i sammenheng (de tre siste gir ingen rekkefølge)."),
            col("kritisk", "critical", Bool, OPT, "ja eller nei (tom: nei)."),
            col("merknad", "note", Multi, OPT, "Fritekst."),
            col("grunnlag", "basis", Enum(BASIS), OPT, "Er avhengigheten «oppgitt» i kildene eller «utledet» av redaksjonen (tom: oppgitt)?"),
            col("begrunnelse", "basis_note", Multi, OPT, H_BASIS_NOTE),
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
            col("gjelder mål", "goals", RefList(&["Mål", "Delmål"]), OPT, "Id-er til mål eller delmål vedtaket gjelder, skilt med komma."),
            col("grunnlag", "basis", Enum(BASIS), OPT, "Er datoen «oppgitt» i kildene eller «utledet» av redaksjonen, f.eks. tatt fra saksnummeret (tom: oppgitt)?"),
            col("begrunnelse", "basis_note", Multi, OPT, H_BASIS_NOTE),
        ],
    },
    Sheet {
        name: "Prioriteringslister",
        place: Place::Root("priority_lists"),
        sources: true,
        inline_sources: &[("standing", "behandlingsstatus")],
        about: "Navngitte, rangerte lister, f.eks. «De fem prioriterte samhandlingstiltakene». Plassene i listene står på arket Prioriteringer.",
        cols: &[
            col("id", "id", Id, REQ, "Listens id, f.eks. prioriterte-samhandlingstiltak."),
            col("navn", "name", Multi, REQ, "Listens navn slik appen viser det."),
            col("rangord", "rank_label", Multi, OPT, "Ordet på merket med plassen, f.eks. «Prioritet». Tom: «Prioritet»."),
            col("beskrivelse", "description", Multi, OPT, "Utfyllende tekst."),
            col("behandlingsstatus", "standing.state", Enum(STANDING), REQ, H_STANDING),
            col("behandlingsstatus vedtak", "standing.decision", Ref(&["Vedtak"]), OPT, H_STANDING_DECISION),
            col("behandlingsstatus fra", "standing.since", Date, OPT, H_STANDING_SINCE),
            col("behandlingsstatus tekst", "standing.text", Multi, OPT, H_STANDING_TEXT),
            col("behandlingsstatus grunnlag", "standing.basis", Enum(BASIS), OPT, H_STANDING_BASIS),
            col("behandlingsstatus begrunnelse", "standing.basis_note", Multi, OPT, H_STANDING_NOTE),
        ],
    },
    Sheet {
        name: "Prioriteringer",
        place: Place::Child { parent: "Prioriteringslister", field: "items", header: "liste" },
        sources: true,
        inline_sources: &[],
        about: "Plassene i prioriteringslistene: én rad per mål, delmål eller tiltak i en liste, med listens id i kolonnen «liste».",
        cols: &[
            col("plass", "rank", U32, REQ, "Plassen i listen, 1 først. Hver plass én gang per liste."),
            col("prioritert", "item", Ref(&["Mål", "Delmål", "Tiltak"]), REQ, "Id til målet, delmålet eller tiltaket på denne plassen (et tiltak med deltiltak er et område)."),
            col("grunnlag", "basis", Enum(BASIS), OPT, "Er plassen «oppgitt» i kildene eller «utledet» av redaksjonen (tom: oppgitt)?"),
            col("begrunnelse", "basis_note", Multi, OPT, H_BASIS_NOTE),
        ],
    },
    Sheet {
        name: "Prinsipper",
        place: Place::Root("principles"),
        sources: true,
        inline_sources: &[("standing", "behandlingsstatus")],
        about: "Prinsipper som styrer veikartet, f.eks. at noe fullføres før nye nasjonale løsninger startes.",
        cols: &[
            col("id", "id", Id, REQ, "Prinsippets id."),
            col("tekst", "text", Multi, REQ, "Prinsippet med ord."),
            col("gjelder", "applies_to", RefList(&["Prioriteringslister", "Mål", "Delmål", "Tiltak", "Komponenter"]), OPT, "Id-er til prioriteringslister, mål, tiltak eller komponenter prinsippet gjelder, skilt med komma. Tom: hele veikartet."),
            col("behandlingsstatus", "standing.state", Enum(STANDING), REQ, H_STANDING),
            col("behandlingsstatus vedtak", "standing.decision", Ref(&["Vedtak"]), OPT, H_STANDING_DECISION),
            col("behandlingsstatus fra", "standing.since", Date, OPT, H_STANDING_SINCE),
            col("behandlingsstatus tekst", "standing.text", Multi, OPT, H_STANDING_TEXT),
            col("behandlingsstatus grunnlag", "standing.basis", Enum(BASIS), OPT, H_STANDING_BASIS),
            col("behandlingsstatus begrunnelse", "standing.basis_note", Multi, OPT, H_STANDING_NOTE),
        ],
    },
    Sheet {
        name: "Porteføljestatus",
        place: Place::Root("portfolio"),
        sources: true,
        inline_sources: &[],
        about: "Tall for hele porteføljen slik en rapport gir dem (aktive tiltak, røde …). Ukjente tall står tomme.",
        cols: &[
            col("per", "as_of", Date, REQ, "Datoen tallene gjelder."),
            col("aktive", "active", U32, OPT, "Antall aktive tiltak."),
            col("rød status", "red_status", U32, OPT, "Antall tiltak med rød status."),
            col("rød risiko", "red_risk", U32, OPT, "Antall tiltak med rød risiko."),
            col("pauset", "paused", U32, OPT, "Antall pausede tiltak."),
            col("avsluttet", "finished", U32, OPT, "Antall tiltak avsluttet siden forrige rapport."),
            col("nye", "new", U32, OPT, "Antall nye tiltak siden forrige rapport."),
            col("tekst", "text", Multi, REQ, "Porteføljestatusen med ord."),
            col("rapportert av", "reported_by", Ref(&["Aktører"]), OPT, "Id til aktøren som rapporterte."),
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
