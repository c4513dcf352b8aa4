//! Tilgjengelighetserklæring (`/tilgjengelighet`): how the app meets WCAG 2.1 AA, how that is
//! tested, and the known gaps — stated plainly, in the three UI languages.

use leptos::prelude::*;
use veikart_domain::Lang;

use crate::app::{current_query, use_ctx, Ctx};
use crate::i18n::{t, K};

struct Text {
    intro: &'static str,
    tested_h: &'static str,
    tested: &'static [&'static str],
    gaps_h: &'static str,
    gaps: &'static [&'static str],
    back: &'static str,
}

fn text(lang: Lang) -> Text {
    match lang {
        Lang::Nb => Text {
            intro: "Veikart skal følge WCAG 2.1 nivå AA, som forskrift om universell utforming av IKT krever. Denne erklæringen beskriver hvordan vi tester, og hva vi vet ikke er godt nok ennå.",
            tested_h: "Slik tester vi",
            tested: &[
                "Automatisk med axe-core i Chromium på hver visning og tilstand: tidslinje, liste, tabell, detaljpanel, filtre, avhengigheter, ambisjoner, «For oss», feilmeldinger og innebygd visning. Målet er 0 brudd; testene feiler ellers.",
                "Hele appen brukes med tastatur alene, testet ende til ende: hopp-lenke, søk, filtre, gruppering, piltaster i tidslinjen, Enter for å åpne et tiltak og Esc for å lukke.",
                "Tidslinjen finnes også som liste og som tabell med samme innhold. Faser skilles med mønster og tekst, ikke bare farge. Siden flyter om ned til 320 piksler bredde.",
            ],
            gaps_h: "Kjente mangler",
            gaps: &[
                "Vi har ikke testet med skjermlesere (NVDA, JAWS, VoiceOver, TalkBack) utover det automatiske testene fanger.",
                "Avhengighetspilene i tidslinjen er bare visuelle; de samme avhengighetene står som tekst i detaljpanelet og i avhengighetsvisningen.",
                "Eksporterte bilder (SVG og PNG) har ingen tekstalternativ; CSV-eksporten har de samme dataene som tekst.",
                "Tekster i datafeeden som bare finnes på ett språk, vises på det språket og er merket med språkkode.",
            ],
            back: "Tilbake til veikartet",
        },
        Lang::Nn => Text {
            intro: "Vegkart skal følgje WCAG 2.1 nivå AA, som forskrift om universell utforming av IKT krev. Denne erklæringa skildrar korleis vi testar, og kva vi veit ikkje er godt nok enno.",
            tested_h: "Slik testar vi",
            tested: &[
                "Automatisk med axe-core i Chromium på kvar vising og tilstand: tidsline, liste, tabell, detaljpanel, filter, avhengnader, ambisjonar, «For oss», feilmeldingar og innebygd vising. Målet er 0 brot; testane feilar elles.",
                "Heile appen kan brukast med tastatur åleine, testa ende til ende: hopp-lenkje, søk, filter, gruppering, piltastar i tidslina, Enter for å opne eit tiltak og Esc for å lukke.",
                "Tidslina finst òg som liste og som tabell med same innhald. Fasar vert skilde med mønster og tekst, ikkje berre farge. Sida flyt om ned til 320 pikslar breidd.",
            ],
            gaps_h: "Kjende manglar",
            gaps: &[
                "Vi har ikkje testa med skjermlesarar (NVDA, JAWS, VoiceOver, TalkBack) utover det dei automatiske testane fangar.",
                "Avhengnadspilene i tidslina er berre visuelle; dei same avhengnadene står som tekst i detaljpanelet og i avhengnadsvisinga.",
                "Eksporterte bilete (SVG og PNG) har ikkje tekstalternativ; CSV-eksporten har dei same dataa som tekst.",
                "Tekstar i datafeeden som berre finst på eitt språk, vert viste på det språket og er merkte med språkkode.",
            ],
            back: "Tilbake til vegkartet",
        },
        Lang::En => Text {
            intro: "Veikart aims to meet WCAG 2.1 level AA, as the Norwegian regulation on universal design of ICT requires. This statement describes how we test and what we know is not good enough yet.",
            tested_h: "How we test",
            tested: &[
                "Automatically with axe-core in Chromium on every view and state: timeline, list, table, detail panel, filters, dependencies, ambitions, “For us”, error messages and embed mode. The target is 0 violations; the tests fail otherwise.",
                "The whole app works with a keyboard alone, tested end to end: skip link, search, filters, grouping, arrow keys in the timeline, Enter to open a measure and Esc to close it.",
                "The timeline is also available as a list and as a table with the same content. Phases differ by pattern and text, not colour alone. The page reflows down to 320 pixels wide.",
            ],
            gaps_h: "Known gaps",
            gaps: &[
                "We have not tested with screen readers (NVDA, JAWS, VoiceOver, TalkBack) beyond what the automated tests catch.",
                "Dependency arrows on the timeline are visual only; the same dependencies are listed as text in the detail panel and in the dependency view.",
                "Exported images (SVG and PNG) have no text alternative; the CSV export holds the same data as text.",
                "Feed texts that exist in one language only are shown in that language and marked with its language code.",
            ],
            back: "Back to the roadmap",
        },
    }
}

#[component]
pub fn Statement() -> impl IntoView {
    let Ctx { lang, .. } = use_ctx();
    let query = current_query();
    move || {
        let l = lang.get();
        let tx = text(l);
        let li = |items: &'static [&'static str]| {
            items.iter().map(|s| view! { <li>{*s}</li> }).collect_view()
        };
        view! {
            <article class="statement">
                <h2>{t(l, K::A11yStatement)}</h2>
                <p>{tx.intro}</p>
                <h3>{tx.tested_h}</h3>
                <ul>{li(tx.tested)}</ul>
                <h3>{tx.gaps_h}</h3>
                <ul>{li(tx.gaps)}</ul>
                <p><a href=format!("/{}", query.get())>{tx.back}</a></p>
            </article>
        }
    }
}
