//! Dates for display, through the browser's `Intl` (no hand-written month tables).

use veikart_domain::date::{self, Precision, Ymd};
use veikart_domain::Lang;

/// Locales to ask `Intl` for, best first. Browsers without nynorsk data (Chromium ships only
/// its UI languages) fall back to bokmål, whose month names nynorsk shares, not to English.
fn locales(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Nb => &["nb-NO", "no"],
        Lang::Nn => &["nn-NO", "nn", "nb-NO", "no"],
        Lang::En => &["en-GB"],
    }
}

/// Month and day through `Intl.DateTimeFormat` (no hand-written month tables).
fn intl(d: Ymd, p: Precision, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        // issue 9: one formatter per language and precision, made once (the constructor
        // resolves locale data and cost more than the rest of a timeline row).
        thread_local! {
            static CACHE: std::cell::RefCell<Vec<((Lang, bool), js_sys::Intl::DateTimeFormat)>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        let key = (lang, p == Precision::Day);
        let cached =
            CACHE.with_borrow(|c| c.iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()));
        let fmt = cached.unwrap_or_else(|| {
            let opts = js_sys::Object::new();
            let set = |k: &str, v: &str| {
                let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
            };
            set("year", "numeric");
            set("month", "long");
            set("timeZone", "UTC");
            if key.1 {
                set("day", "numeric");
            }
            let locales: js_sys::Array =
                locales(lang).iter().map(|l| JsValue::from_str(l)).collect();
            let fmt = js_sys::Intl::DateTimeFormat::new(&locales, &opts);
            CACHE.with_borrow_mut(|c| c.push((key, fmt.clone())));
            fmt
        });
        let ms = js_sys::Date::utc(f64::from(d.y), f64::from(d.m - 1))
            + f64::from(d.d - 1) * 86_400_000.0;
        let date = js_sys::Date::new(&JsValue::from_f64(ms));
        return fmt
            .format()
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| d.to_string());
    }
    #[allow(unreachable_code)]
    {
        let _ = (p, locales(lang));
        d.to_string()
    }
}

/// A qualified date as a reader expects it: "i løpet av 2027", "tidligst 2. halvår 2023".
pub fn format_qualified(
    q: Option<veikart_domain::model::Qualifier>,
    s: &str,
    lang: Lang,
) -> String {
    format!(
        "{}{}",
        date::qualifier_prefix(q, s, lang),
        format_date(s, lang)
    )
}

/// A feed date as a reader expects it in `lang`: "3. kvartal 2023", "juni 2023", "2024–2027".
pub fn format_date(s: &str, lang: Lang) -> String {
    date::label(s, lang, &|d, p| intl(d, p, lang))
}
