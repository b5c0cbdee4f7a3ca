// The event page: its fields (with analysts' corrections shown beside the extracted values),
// the article with every evidence span highlighted and labelled, and the correction controls.
import { api, actorText, COLOURS, el, tokenBox } from "./common.js";

const eventId = decodeURIComponent(location.pathname.split("/").pop());
const FIELDS = [
  "type", "polarity", "actor", "actor.country", "recipient", "recipient.country", "location",
  "location.country", "date", "killed", "injured", "arrested",
];

// The spans of an event, each with the label shown on the page.
function spans(e) {
  const out = [];
  const add = (label, part) => { if (part && part.span) out.push({ label, start: part.span[0], end: part.span[1] }); };
  add("trigger", e.trigger);
  add("actor", e.actor);
  add("recipient", e.recipient);
  add("place", e.location);
  add("date", e.date);
  for (const [kind, ev] of Object.entries((e.casualties && e.casualties.evidence) || {})) add(kind, ev);
  return out;
}

// The article text cut at every span boundary; each piece inside spans becomes a <mark> naming
// them, and a label opens each span. Text goes in as text nodes only.
export function highlighted(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const active = marks.filter((m) => m.start <= a && b <= m.end);
    const piece = text.slice(a, b);
    if (!active.length) { nodes.push(document.createTextNode(piece)); continue; }
    for (const m of active.filter((m) => m.start === a)) nodes.push(el("span", { class: "label" }, m.label));
    const labels = active.map((m) => m.label);
    nodes.push(el("mark", { class: labels.join(" "), "data-labels": labels.join(" "), title: labels.join(", ") }, piece));
  }
  return nodes;
}

function extracted(e, field) {
  switch (field) {
    case "type": return e.type;
    case "polarity": return e.polarity;
    case "actor": return e.actor ? e.actor.name || e.actor.text : null;
    case "actor.country": return e.actor ? e.actor.country : null;
    case "recipient": return e.recipient ? e.recipient.name || e.recipient.text : null;
    case "recipient.country": return e.recipient ? e.recipient.country : null;
    case "location": return e.location ? e.location.name || e.location.text : null;
    case "location.country": return e.location ? e.location.country : null;
    case "date": return e.date ? e.date.value || e.date.text : null;
    default: return e.casualties ? e.casualties[field] : null;
  }
}

function show(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

function fieldRows(e, corrections) {
  const byField = Object.fromEntries(corrections.map((c) => [c.field, c]));
  return FIELDS.map((field) => {
    const c = byField[field];
    const value = el("span", { class: c ? "superseded" : "" }, show(extracted(e, field)));
    const cells = [value];
    if (c) {
      cells.push(" ", el("span", { class: "corrected", "data-corrected": field }, `${show(c.value)} (corrected)`));
      if (c.note) cells.push(" ", el("span", { class: "muted" }, c.note));
      cells.push(" ", el("button", { type: "button", onclick: () => uncorrect(field) }, "undo"));
    }
    return el("tr", { "data-field": field }, el("th", {}, field), el("td", {}, cells));
  });
}

function parseValue(field, raw) {
  const text = raw.trim();
  if (text === "") return null;
  if (["killed", "injured", "arrested"].includes(field)) return Number.parseInt(text, 10);
  if (field.endsWith("country") || field === "type") return text.toUpperCase();
  return text;
}

async function correct(field, value, note) {
  const message = document.getElementById("message");
  try {
    await api(`/api/events/${encodeURIComponent(eventId)}/corrections/${field}`, {
      method: "PUT", write: true, body: { value, note: note || null },
    });
    message.textContent = `saved ${field}`;
    message.className = "";
    await render();
  } catch (err) {
    message.textContent = err.message;
    message.className = "error";
  }
}

async function uncorrect(field) {
  await api(`/api/events/${encodeURIComponent(eventId)}/corrections/${field}`, { method: "DELETE", write: true });
  await render();
}

function correctionForm() {
  const select = el("select", { name: "field", "aria-label": "field" }, FIELDS.map((f) => el("option", { value: f }, f)));
  const value = el("input", { name: "value", placeholder: "new value (empty = none)", "aria-label": "value" });
  const note = el("input", { name: "note", placeholder: "note", "aria-label": "note" });
  const form = el("form", { class: "correct", id: "correct" },
    el("label", {}, "Field ", select), el("label", {}, "Value ", value), el("label", {}, "Note ", note),
    el("button", { type: "submit" }, "Save correction"),
    el("button", { type: "button", id: "mark-wrong", onclick: () => correct("wrong", true, note.value) }, "Mark as wrong"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    correct(select.value, parseValue(select.value, value.value), note.value);
  });
  return form;
}

/** "Other reports of this incident": links to the events other articles (or this one) gave of
 * the same real-world event, with the fields the sources disagree on. */
function incidentSection(incident) {
  if (!incident) return [];
  const heading = el("h2", {}, "Other reports of this incident");
  const summary = el("p", { class: "muted", id: "incident", "data-incident": incident.id },
    `${incident.reports} independent report${incident.reports === 1 ? "" : "s"}`,
    incident.disagreements.length ? `; sources disagree on ${incident.disagreements.join(", ")}` : "");
  if (!incident.others.length) {
    return [heading, summary, el("p", { class: "muted" }, "No other report of it is stored.")];
  }
  const list = el("ul", { id: "incident-reports" }, incident.others.map((o) => el("li", {},
    el("a", { href: `/events/${encodeURIComponent(o.event_id)}` }, `${o.type}: ${o.trigger}`),
    el("span", { class: "muted" },
      ` in ${o.source || o.title || o.article_id}${o.published ? ` (${o.published})` : ""}`))));
  return [heading, summary, list];
}

async function render() {
  const main = document.querySelector("main");
  let data;
  try {
    data = await api(`/api/events/${encodeURIComponent(eventId)}`);
  } catch (err) {
    main.replaceChildren(el("p", { class: "error" }, err.message));
    return;
  }
  const { event: e, article, corrections } = data;
  const wrong = corrections.find((c) => c.field === "wrong" && c.value === true);
  const swatch = el("span", { class: "swatch" });
  swatch.style.background = COLOURS[e.type] || "#57606a";
  const title = article.title || article.origin || article.id;
  main.replaceChildren(...[
    el("h1", {}, swatch, `${e.type}: `, e.sentence.text),
    wrong ? el("p", { class: "wrong", id: "wrong" }, "An analyst marked this event as wrong.",
      el("button", { type: "button", onclick: () => uncorrect("wrong") }, "undo")) : null,
    el("p", { class: "muted" }, `${e.polarity}, confidence ${e.confidence}; ${actorText(e.actor) || "no actor"} → ${actorText(e.recipient) || "no recipient"}`),
    el("table", { class: "fields" }, el("tbody", {}, fieldRows(e, corrections))),
    correctionForm(),
    el("p", { id: "message", role: "status" }),
    el("h2", {}, "Source: ", article.url ? el("a", { href: article.url, rel: "noreferrer" }, title) : title,
      article.published ? el("span", { class: "muted" }, ` (${article.published})`) : null),
    el("div", { class: "article", id: "article" }, highlighted(article.text, spans(e))),
    el("h2", {}, "Other events of this article"),
    el("ul", {}, data.article_events.map((o) => el("li", {},
      el("a", { href: `/events/${encodeURIComponent(o.id)}` }, `${o.type}: ${o.trigger}`),
      el("span", { class: "muted" }, ` (${o.polarity})`)))),
    ...incidentSection(data.incident),
  ].filter(Boolean));
  const trigger = main.querySelector("mark.trigger");
  if (trigger) trigger.scrollIntoView({ block: "center" });
  document.body.dataset.state = "ready";
}

document.querySelector("header").append(tokenBox());
render();
