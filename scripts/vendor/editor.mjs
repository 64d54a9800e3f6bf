// The query page's editor: CodeMirror 6 with the SPARQL mode of @codemirror/legacy-modes,
// completion and lint. Bundled by scripts/build_vendor.py into static/vendor/editor.js,
// which sets window.CKGEditor; query.js builds the editor from it.
import { autocompletion, completionKeymap, startCompletion } from "@codemirror/autocomplete";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { linter, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";

window.CKGEditor = {
  EditorView, EditorState, basicSetup, keymap, StreamLanguage, sparql, autocompletion,
  completionKeymap, startCompletion, linter, lintGutter, setDiagnostics,
};
