// The search page: search as you type against the daemon's own Meilisearch-style API.
// Highlights come back between private-use marker characters; the text is HTML-escaped first and
// only the markers become <mark>, so nothing a prompt contains is ever interpreted as HTML.
"use strict";
const INDEX = "prompts";
const PRE = "\uE000", POST = "\uE001";
const FACETS = ["tags", "category.lvl0", "category.lvl1", "model"];
const state = { q: "", filters: {}, sort: "", key: localStorage.getItem("vaultsearch.key") || "" };
const $ = (id) => document.getElementById(id);

function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function marked(text) {
  return escapeHTML(text).split(PRE).join("<mark>").split(POST).join("</mark>");
}
function quote(value) { return '"' + String(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"'; }

function filterExpression() {
  return Object.entries(state.filters).filter(([, values]) => values.size > 0)
    .map(([facet, values]) => [...values].map((v) => `${facet} = ${quote(v)}`));
}

// The trending list (decay, top 10) above the hits while the query box is empty.
let trendingGeneration = 0;
async function trending() {
  const mine = ++trendingGeneration;
  if (state.q.trim() !== "") { $("trending").hidden = true; return; }
  const headers = {};
  if (state.key) headers.Authorization = "Bearer " + state.key;
  let response;
  try {
    response = await fetch(`/indexes/${INDEX}/trending?formula=decay&limit=10&fields=title,author,category`, { headers });
  } catch (error) {
    return;
  }
  const result = await response.json();
  if (mine !== trendingGeneration || state.q.trim() !== "") return;
  // An index without trending (400) or a key that may not read it: no list, and no error either.
  if (!response.ok || result.hits.length === 0) { $("trending").hidden = true; return; }
  $("trending-list").innerHTML = result.hits.map((hit) =>
    `<li data-id="${escapeHTML(hit.id)}"><span class="title">${escapeHTML(hit.title || "(untitled)")}</span>
      <span class="meta">${escapeHTML(hit.category || "")} · by ${escapeHTML(hit.author || "")}</span></li>`).join("");
  $("trending").hidden = false;
}

let generation = 0;
async function search() {
  trending();
  const mine = ++generation;
  const body = {
    q: state.q, limit: 20, facets: FACETS, attributesToHighlight: ["title"], attributesToCrop: ["description:24", "content:24"],
    highlightPreTag: PRE, highlightPostTag: POST, filter: filterExpression(),
  };
  if (state.sort) body.sort = [state.sort];
  const headers = { "Content-Type": "application/json" };
  if (state.key) headers.Authorization = "Bearer " + state.key;
  let response;
  try {
    response = await fetch(`/indexes/${INDEX}/search`, { method: "POST", headers, body: JSON.stringify(body) });
  } catch (error) {
    $("status").textContent = "The daemon cannot be reached.";
    return;
  }
  const result = await response.json();
  if (mine !== generation) return;  // a newer keystroke already asked
  if (response.status === 401 || response.status === 403) { $("keybar").hidden = false; $("status").textContent = result.message; return; }
  if (!response.ok) { $("status").textContent = result.message; return; }
  render(result);
}

function render(result) {
  const total = result.estimatedTotalHits ?? result.totalHits ?? 0;
  $("status").textContent = `${total} prompt${total === 1 ? "" : "s"} · ${result.processingTimeMs} ms`;
  $("suggestion").hidden = !result.didYouMean;
  if (result.didYouMean) $("suggested").textContent = result.didYouMean;
  $("hits").innerHTML = result.hits.map((hit) => {
    const f = hit._formatted || hit;
    const snippet = f.description || f.content || "";
    const tags = (hit.tags || []).map((t) => `<span class="tag">${escapeHTML(t)}</span>`).join("");
    return `<li data-id="${escapeHTML(hit.id)}"><h3>${marked(f.title || "(untitled)")}</h3>
      <div class="meta">${escapeHTML(hit.model || "")} · ${escapeHTML(hit.category || "")} · by ${escapeHTML(hit.author || "")} · ${hit.views ?? 0} views · ${(hit.ratingAvg ?? 0).toFixed(1)}★</div>
      <p>${marked(snippet)}</p><div>${tags}</div></li>`;
  }).join("");
  renderFacets(result.facetDistribution || {});
}

function renderFacets(distribution) {
  const names = { tags: "Tags", "category.lvl0": "Category", "category.lvl1": "Subcategory", model: "Model" };
  const parts = [];
  for (const facet of FACETS) {
    const values = Object.entries(distribution[facet] || {});
    const chosen = state.filters[facet] || new Set();
    if (values.length === 0 && chosen.size === 0) continue;
    parts.push(`<h2>${names[facet]}</h2>`);
    for (const [value, count] of values.slice(0, 12)) {
      const label = facet === "category.lvl1" ? value.split("/").pop() : value;
      parts.push(`<label class="${facet === "category.lvl1" ? "child" : ""}"><input type="checkbox" data-facet="${escapeHTML(facet)}" value="${escapeHTML(value)}" ${chosen.has(value) ? "checked" : ""}>
        ${escapeHTML(label)}<span class="count">${count}</span></label>`);
    }
  }
  $("facets").innerHTML = parts.join("");
}

let timer;
$("q").addEventListener("input", (event) => { state.q = event.target.value; clearTimeout(timer); timer = setTimeout(search, 80); });
$("sort").addEventListener("change", (event) => { state.sort = event.target.value; search(); });
$("facets").addEventListener("change", (event) => {
  const box = event.target;
  if (!box.dataset.facet) return;
  const set = state.filters[box.dataset.facet] || (state.filters[box.dataset.facet] = new Set());
  if (box.checked) set.add(box.value); else set.delete(box.value);
  search();
});
$("suggested").addEventListener("click", (event) => { event.preventDefault(); $("q").value = state.q = $("suggested").textContent; search(); });
$("savekey").addEventListener("click", () => { state.key = $("key").value; localStorage.setItem("vaultsearch.key", state.key); $("keybar").hidden = true; search(); });
search();
