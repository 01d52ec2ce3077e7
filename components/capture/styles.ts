/** The in-page UI's styles, inside its shadow root (the page's CSS cannot reach it). */
export const CAPTURE_CSS = `
:host { all: initial; }
.ls { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2433; }
.ls-corner { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; }
.ls-button { display: inline-flex; align-items: center; gap: 6px; margin: 6px 0; padding: 6px 14px; border-radius: 16px;
  border: 1px solid #2952cc; background: #2952cc; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
.ls-button.ls-existing { background: #fff; color: #2952cc; }
.ls-card { position: fixed; top: 72px; right: 16px; z-index: 2147483647; width: 340px; max-height: calc(100vh - 96px); overflow: auto;
  background: #fff; border: 1px solid #c9cfdb; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.2); padding: 14px 16px; }
.ls-card h2 { font-size: 16px; margin: 0 0 8px; }
.ls-card label { display: block; margin: 6px 0; font-size: 12px; color: #4a5468; }
.ls-card input, .ls-card select, .ls-card textarea { display: block; box-sizing: border-box; width: 100%; margin-top: 2px; padding: 5px 7px;
  border: 1px solid #c9cfdb; border-radius: 6px; font: inherit; color: #1d2433; background: #fff; }
.ls-card fieldset { border: 1px solid #e1e5ee; border-radius: 6px; margin: 6px 0; padding: 4px 8px; }
.ls-card fieldset label { display: flex; gap: 6px; align-items: center; }
.ls-card fieldset input { display: inline; width: auto; margin: 0; }
.ls-row { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; flex-wrap: wrap; }
.ls-row button, .ls-link { padding: 5px 12px; border-radius: 6px; border: 1px solid #c9cfdb; background: #fff; font: inherit; cursor: pointer; }
.ls-row button.ls-primary { background: #2952cc; border-color: #2952cc; color: #fff; font-weight: 600; }
.ls-note { background: #fff6e0; border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
.ls-error { color: #b3261e; margin: 6px 0; }
.ls-leads { list-style: none; padding: 0; margin: 6px 0; }
.ls-leads li { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 4px 0; border-bottom: 1px solid #eef0f5; }
`;
