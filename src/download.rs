//! Saving exports: a Blob, an object URL and a temporary link; PNG by drawing the exported SVG
//! onto a canvas. The content itself comes from `veikart_domain::export`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

fn blob(content: &str, mime: &str) -> Result<Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &opts)
}

fn save_blob(b: &Blob, filename: &str) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(b)?;
    let doc = leptos::prelude::document();
    let a: HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_rel("noopener");
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // revoke after the click has been handled
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
    Ok(())
}

/// Saves text (CSV, SVG) under `filename`.
pub fn save_text(content: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
    save_blob(&blob(content, mime)?, filename)
}

/// A browser error as text, for the reader.
pub fn js_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "?".into())
}

/// Renders `svg` (with its pixel `width`×`height`) at `scale`× into a PNG and saves it. The
/// drawing happens after the image loads: `done` hears how that went.
pub fn save_png(
    svg: &str,
    width: u32,
    height: u32,
    scale: f64,
    filename: &str,
    done: Box<dyn FnOnce(Result<(), String>)>,
) -> Result<(), JsValue> {
    // Called once, by whichever step ends the export.
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = move |r: Result<(), String>| {
        if let Some(d) = done.borrow_mut().take() {
            d(r);
        }
    };
    let finish2 = finish.clone();
    let finish3 = finish.clone();
    let svg_blob = blob(svg, "image/svg+xml;charset=utf-8")?;
    let url = Url::create_object_url_with_blob(&svg_blob)?;
    let img = HtmlImageElement::new()?;
    let filename = filename.to_string();
    let img2 = img.clone();
    let url2 = url.clone();
    let onload = Closure::once_into_js(move || {
        let run = || -> Result<(), JsValue> {
            let doc = leptos::prelude::document();
            let canvas: HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
            canvas.set_width((f64::from(width) * scale).round() as u32);
            canvas.set_height((f64::from(height) * scale).round() as u32);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or("no 2d context")?
                .unchecked_into();
            ctx.scale(scale, scale)?;
            ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0)?;
            let _ = Url::revoke_object_url(&url2);
            let name = filename.clone();
            let cb = Closure::once_into_js(move |b: JsValue| {
                let saved = match b.dyn_into::<Blob>() {
                    Ok(b) => save_blob(&b, &name).map_err(|e| js_text(&e)),
                    Err(_) => Err("canvas.toBlob gave no image".to_string()),
                };
                finish2(saved);
            });
            canvas.to_blob_with_type(cb.unchecked_ref(), "image/png")?;
            Ok(())
        };
        if let Err(e) = run() {
            finish(Err(js_text(&e)));
        }
    });
    let onerror =
        Closure::once_into_js(move || finish3(Err("the image could not be drawn".into())));
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onerror.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}
