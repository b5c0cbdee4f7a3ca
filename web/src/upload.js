// The upload page: paste or drop articles (text, HTML or JSON Lines), submit them, and follow
// each job's progress until its articles and events are listed.
import { api, el, tokenBox } from "./common.js";

const form = document.getElementById("upload");
const drop = document.getElementById("drop");
const results = document.getElementById("results");
const FORMATS = { txt: "text", text: "text", html: "html", htm: "html", jsonl: "jsonl" };

function formatOf(name) {
  return FORMATS[name.split(".").pop().toLowerCase()] || "text";
}

async function submitOne(name, format, content) {
  const published = form.elements.published.value || null;
  const progress = el("progress", { max: 1, value: 0 });
  const state = el("span", { class: "state" }, "queued");
  const list = el("ul", { class: "articles" });
  const box = el("section", { class: "job" }, el("h3", {}, name), progress, " ", state, list);
  results.prepend(box);
  let job;
  try {
    job = await api("/api/articles", { method: "POST", write: true, body: { format, content, name, published } });
  } catch (err) {
    state.textContent = err.message;
    state.className = "error";
    return;
  }
  box.dataset.job = job.id;
  while (job.state === "queued" || job.state === "running") {
    await new Promise((resolve) => setTimeout(resolve, 400));
    job = await api(`/api/jobs/${job.id}`);
    progress.max = job.total || 1;
    progress.value = job.done;
    state.textContent = `${job.state}: ${job.done} of ${job.total ?? "?"} article(s)`;
  }
  progress.value = progress.max;
  state.textContent = `${job.state}: ${job.done} article(s)`;
  box.dataset.state = job.state;
  for (const error of job.errors) list.append(el("li", { class: "error" }, error));
  for (const article of job.articles) list.append(await articleItem(article));
}

async function articleItem(summary) {
  const detail = await api(`/api/articles/${encodeURIComponent(summary.id)}`);
  const what = summary.stored ? `${summary.events} event(s)` : "already stored";
  const events = el("ul", {}, detail.events.map((e) => el("li", { "data-event": e.id },
    el("a", { href: `/events/${encodeURIComponent(e.id)}` }, `${e.type} (${e.polarity}): ${e.trigger.text}`),
    el("span", { class: "muted" }, ` ${e.sentence.text}`))));
  return el("li", { "data-article": summary.id }, el("strong", {}, summary.title || summary.id), ` ${what}`, events);
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const content = form.elements.content.value;
  if (!content.trim()) return;
  submitOne(form.elements.name.value || "pasted", form.elements.format.value, content);
});

async function submitFiles(files) {
  for (const file of files) await submitOne(file.name, formatOf(file.name), await file.text());
}

form.elements.files.addEventListener("change", () => submitFiles([...form.elements.files.files]));
drop.addEventListener("dragover", (ev) => { ev.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (ev) => {
  ev.preventDefault();
  drop.classList.remove("over");
  submitFiles([...ev.dataTransfer.files]);
});

document.querySelector("header").append(tokenBox());
document.body.dataset.state = "ready";
