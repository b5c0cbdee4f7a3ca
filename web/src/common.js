// Shared by the pages: the API client, the write token, DOM building (text only, never HTML),
// and the category colours.

export const CATEGORIES = [
  ["AGREE", "#1b7837"], ["CONSULT", "#5aae61"], ["SUPPORT", "#a6dba0"], ["CONCEDE", "#00876c"],
  ["COOPERATE", "#2166ac"], ["AID", "#4393c3"], ["RETREAT", "#92c5de"],
  ["REQUEST", "#b8860b"], ["ACCUSE", "#dfc27d"], ["REJECT", "#bf812d"], ["THREATEN", "#8c510a"],
  ["PROTEST", "#f4a582"], ["SANCTION", "#d6604d"], ["MOBILIZE", "#762a83"], ["COERCE", "#c51b7d"],
  ["ASSAULT", "#b2182b"],
];
export const COLOURS = Object.fromEntries(CATEGORIES);

// PLOVER's four families, used to colour clusters by their majority.
export const FAMILIES = [
  ["verbal cooperation", "#1b7837", ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]],
  ["material cooperation", "#2166ac", ["COOPERATE", "AID", "RETREAT"]],
  ["verbal conflict", "#b8860b", ["REQUEST", "ACCUSE", "REJECT", "THREATEN"]],
  ["material conflict", "#b2182b", ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]],
];

const TOKEN_KEY = "newsevents-token";

// A token passed as #token=... (printed by `newsevents serve`) is kept, then removed from the URL.
export function token() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    localStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return localStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(value) {
  localStorage.setItem(TOKEN_KEY, value.trim());
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
  }
}

export async function api(path, { method = "GET", body, write = false } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (write) headers.Authorization = `Bearer ${token()}`;
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// el("a", {href: "/x", class: "k"}, "text", child): every string becomes a text node.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

export function actorText(actor) {
  if (!actor) return "";
  const name = actor.name || actor.text;
  return actor.country ? `${name} (${actor.country})` : name;
}

export function tokenBox() {
  const input = el("input", {
    type: "password", id: "token", placeholder: "write token", autocomplete: "off",
    "aria-label": "write token", value: token(),
  });
  input.addEventListener("change", () => setToken(input.value));
  return el("label", { class: "token" }, "Token ", input);
}
