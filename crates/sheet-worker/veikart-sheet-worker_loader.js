// The workbook worker's entry point: src/sheet.rs starts it when someone opens a workbook, and
// trunk builds veikart-sheet-worker.js and its wasm from this crate (index.html copies this file
// next to them). Trunk's own loader shim calls wasm_bindgen() and drops its promise, so a failed
// download of the wasm ends as an unhandled rejection inside the worker: nothing reaches the page,
// which would wait for {"ready":true} for ever. This loader tells the page instead, with
// {"unavailable": "<file>: <the browser's reason>"}; the page then offers a retry (issue 14).
'use strict';
var unavailable = function (file, e) {
  postMessage(JSON.stringify({ unavailable: file + ': ' + ((e && e.message) || String(e)) }));
};
var glue = true;
try {
  importScripts('./veikart-sheet-worker.js');
} catch (e) {
  glue = false;
  unavailable('veikart-sheet-worker.js', e);
}
if (glue) {
  wasm_bindgen('./veikart-sheet-worker_bg.wasm').catch(function (e) {
    unavailable('veikart-sheet-worker_bg.wasm', e);
  });
}
