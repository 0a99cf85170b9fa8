/**
 * The editor for large path lists (CodeMirror 6): it renders only the lines on screen, where a
 * <textarea> makes Chromium lay out every character (seconds for 100,000 lines). Loaded on demand.
 *
 * It lives in a shadow root: CodeMirror's styles (style-mod) then go in a constructed, adopted
 * style sheet, which the console's strict `style-src` allows, where on the document they would go
 * in a <style> element the policy blocks. So the label is the content's own aria-label (an
 * aria-labelledby cannot reach across the shadow boundary).
 */
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';

export interface LargeTextEditor {
	/** Replaces the text (only the part that changed), keeping the selection where it can. */
	setText(text: string): void;
	/** Selects line `line` (1-based) and scrolls it into view. */
	goToLine(line: number): void;
	focus(): void;
	destroy(): void;
}

export interface LargeTextEditorOptions {
	text: string;
	/** Where the caret starts (scrolled into view); by default the top. */
	caret?: number;
	/** The accessible name, as the field's label reads. */
	label: string;
	/** Each change the user makes, with the whole text ('\n' line ends). */
	onChange: (text: string) => void;
	/** Ctrl/Cmd+Enter. */
	onSubmit: () => void;
}

const theme = EditorView.theme({
	'&': {
		height: '20rem',
		fontSize: '0.875rem',
		color: 'var(--color-foreground)',
		backgroundColor: 'var(--color-background)',
		border: '1px solid var(--color-border)',
		borderRadius: '0.375rem'
	},
	'&.cm-focused': { outline: '2px solid var(--color-focus)', outlineOffset: '2px' },
	'.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
	'.cm-gutters': {
		color: 'var(--color-muted-foreground)',
		backgroundColor: 'var(--color-muted)',
		borderRight: '1px solid var(--color-border)'
	}
});

/** Mounts the editor in a shadow root of `host` (see above). */
export function createLargeTextEditor(
	host: HTMLElement,
	options: LargeTextEditorOptions
): LargeTextEditor {
	const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
	let external = false;
	const view = new EditorView({
		root,
		parent: root,
		state: EditorState.create({
			doc: options.text,
			selection: { anchor: options.caret ?? 0 },
			extensions: [
				lineNumbers(),
				history(),
				keymap.of([
					{ key: 'Mod-Enter', run: () => (options.onSubmit(), true) },
					...defaultKeymap,
					...historyKeymap
				]),
				EditorView.contentAttributes.of({
					'aria-label': options.label,
					// Contenteditable is focusable anyway; axe counts only a tabindex as focusable
					// content of the scrolled region (scrollable-region-focusable).
					tabindex: '0',
					spellcheck: 'false',
					autocorrect: 'off',
					autocapitalize: 'off'
				}),
				EditorView.updateListener.of((update) => {
					if (update.docChanged && !external) options.onChange(update.state.doc.toString());
				}),
				theme
			]
		})
	});
	if (options.caret) view.dispatch({ effects: EditorView.scrollIntoView(options.caret) });
	return {
		setText(text) {
			const old = view.state.doc.toString();
			if (old === text) return;
			// Only the changed middle: a one-line fix keeps the scroll position and the cursor.
			let from = 0;
			const max = Math.min(old.length, text.length);
			while (from < max && old.charCodeAt(from) === text.charCodeAt(from)) from++;
			let end = 0;
			while (
				end < max - from &&
				old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)
			)
				end++;
			external = true;
			try {
				view.dispatch({
					changes: { from, to: old.length - end, insert: text.slice(from, text.length - end) }
				});
			} finally {
				external = false;
			}
		},
		goToLine(line) {
			const doc = view.state.doc;
			const { from, to } = doc.line(Math.min(Math.max(1, line), doc.lines));
			view.dispatch({
				selection: { anchor: from, head: to },
				effects: EditorView.scrollIntoView(from, { y: 'center' })
			});
			view.focus();
		},
		focus: () => view.focus(),
		destroy: () => view.destroy()
	};
}
