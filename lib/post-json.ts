/** What a JSON endpoint replies: its result, or a message to show (lib/server/json-post.ts). */
export type JsonReply<T> = ({ ok: true } & T) | { ok: false; error: string };

/** Browser side of the JSON endpoints: posts `body`, and turns a lost connection into a message. */
export async function postJson<T>(url: string, body: unknown): Promise<JsonReply<T>> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return (await response.json()) as JsonReply<T>;
  } catch {
    return { ok: false, error: "That could not be sent: check your connection and try again." };
  }
}
