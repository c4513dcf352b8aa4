//! Today's date. The app reads the browser's clock once at start; tests (and screenshot runs)
//! give a fixed date, so "today" lines and "next milestone" texts are reproducible.

use leptos::prelude::*;
use veikart_domain::date::Ymd;

#[derive(Clone, Copy)]
pub struct Clock {
    today: Signal<Ymd>,
}

impl Clock {
    /// The browser's date at start.
    pub fn system() -> Clock {
        let d = js_sys::Date::new_0();
        let today = Ymd {
            y: d.get_full_year() as i32,
            m: d.get_month() + 1,
            d: d.get_date(),
        };
        Clock::fixed(today)
    }

    pub fn fixed(today: Ymd) -> Clock {
        Clock {
            today: Signal::stored(today),
        }
    }

    pub fn today(self) -> Ymd {
        self.today.get()
    }
}
