import { truncateTitle } from '../messenger';

/** WhatsApp's limits on interactive messages (Cloud API reference). */
export const MAX_BUTTONS = 3;
export const MAX_BUTTON_TITLE = 20;
export const MAX_LIST_ROWS = 10;
export const MAX_ROW_TITLE = 24;
export const MAX_ROW_ID = 200;
export const MAX_INTERACTIVE_BODY = 1024;
/** The label of the button that opens a list (≤ 20 characters). */
export const LIST_BUTTON_LABEL = 'Options';

export type QuickReply = { title: string; payload: string };

/**
 * The bot's quick replies as a Cloud API `interactive` object: up to 3 become reply buttons,
 * more become a single-section list (the first 10). Titles are cut at grapheme boundaries.
 */
export function interactiveFor(body: string, replies: readonly QuickReply[]): Record<string, unknown> {
  if (replies.length <= MAX_BUTTONS) {
    return {
      type: 'button',
      body: { text: body },
      action: {
        buttons: replies.map((r) => ({ type: 'reply', reply: { id: r.payload.slice(0, 256), title: truncateTitle(r.title, MAX_BUTTON_TITLE) } })),
      },
    };
  }
  return {
    type: 'list',
    body: { text: body },
    action: {
      button: LIST_BUTTON_LABEL,
      sections: [
        {
          rows: replies.slice(0, MAX_LIST_ROWS).map((r) => ({ id: r.payload.slice(0, MAX_ROW_ID), title: truncateTitle(r.title, MAX_ROW_TITLE) })),
        },
      ],
    },
  };
}
