/// The dashboard's only script, served at `/assets/dashboard.js`: live updates of the pages'
/// server-rendered regions from `/v1/events`, the buttons that acknowledge, silence, expire
/// and approve through the API with the saved token, and the series chart (canvas lines
/// reduced per pixel column, SVG markers, threshold, zoom, hover and keyboard). No
/// third-party code.
enum DashboardScript {
    static let javaScript = #"""
// Tocsin dashboard: live updates, API buttons and the series chart. No dependencies.
"use strict";
(() => {
  document.documentElement.classList.add("js");
  const $ = (selector, root = document) => root.querySelector(selector);
  const tokenKey = "tocsin.token";

  // Messages and API calls -------------------------------------------------------------
  function say(text, isError) {
    const box = $("#message");
    if (!box) return;
    box.textContent = text;
    box.hidden = false;
    box.classList.toggle("error", Boolean(isError));
  }

  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    const token = localStorage.getItem(tokenKey);
    if (token) headers["Authorization"] = "Bearer " + token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = (data && data.error) || {};
      const hint = response.status === 401 ? " Save an API token at the top of the page." : "";
      throw new Error((error.message || response.statusText || "request failed") + hint);
    }
    return data;
  }

  function setUpToken() {
    const form = $("#token-form");
    const input = $("#token");
    if (!form || !input) return;
    input.value = localStorage.getItem(tokenKey) || "";
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (value) localStorage.setItem(tokenKey, value); else localStorage.removeItem(tokenKey);
      say(value ? "Token saved in this browser." : "Token removed.");
    });
  }

  const buttonActions = {
    ack: (value) => api("POST", "/v1/alerts/" + encodeURIComponent(value) + "/ack").then(() => "Alert " + value + " acknowledged."),
    silence: (value) => api("POST", "/v1/silences", {
      matchers: JSON.parse(value), duration: 3600, createdBy: "dashboard", comment: "silenced from the dashboard",
    }).then((silence) => "Silence " + silence.id + " created for one hour."),
    expire: (value) => api("DELETE", "/v1/silences/" + encodeURIComponent(value)).then(() => "Silence " + value + " expired."),
    approve: (value) => api("POST", "/v1/actions/" + encodeURIComponent(value) + "/approve", { by: "dashboard" })
      .then((action) => "Action " + value + " approved: " + action.status + "."),
  };

  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const name = Object.keys(buttonActions).find((key) => button.dataset[key] !== undefined);
    if (!name) return;
    button.disabled = true;
    try {
      say(await buttonActions[name](button.dataset[name]));
      await refresh();
    } catch (error) {
      say(error.message, true);
      button.disabled = false;
    }
  });

  // Live regions -----------------------------------------------------------------------
  // A selector finding an element again after its region is redrawn ("" when there is none).
  function focusKey(element) {
    if (element.id) return "#" + CSS.escape(element.id);
    for (const name of ["ack", "silence", "expire", "approve"]) {
      if (element.dataset && element.dataset[name] !== undefined) return "[data-" + name + '="' + CSS.escape(element.dataset[name]) + '"]';
    }
    if (element.getAttribute && element.getAttribute("href")) return 'a[href="' + CSS.escape(element.getAttribute("href")) + '"]';
    return "";
  }

  let refreshing = null;
  async function refresh() {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      const response = await fetch(location.href, { headers: { "Accept": "text/html" } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      for (const region of document.querySelectorAll("[data-live]")) {
        const replacement = fresh.querySelector('[data-live="' + region.dataset.live + '"]');
        if (!replacement || replacement.innerHTML === region.innerHTML) continue;
        // Keyboard focus inside a region moves to the same control in the new content, else to the region.
        const focused = region.contains(document.activeElement) ? focusKey(document.activeElement) : null;
        region.innerHTML = replacement.innerHTML;
        if (focused !== null) {
          const again = focused && region.querySelector(focused);
          if (again) again.focus();
          else { region.tabIndex = -1; region.focus(); }
        }
      }
    })().catch(() => {}).finally(() => { refreshing = null; });
    return refreshing;
  }

  function listen() {
    const status = $("#live");
    if (!window.EventSource) return;
    let last = null;
    let lastChartLoad = 0;
    let lastRefresh = 0;
    let pending = null;
    const soon = () => {
      if (pending) return;
      pending = setTimeout(() => { pending = null; lastRefresh = Date.now(); refresh(); }, Math.max(0, lastRefresh + 2000 - Date.now()));
    };
    const source = new EventSource("/v1/events");
    source.addEventListener("state", (event) => {
      const state = JSON.parse(event.data);
      if (status) status.textContent = "live, " + state.series + " series, " + state.anomalous + " anomalous now";
      if (last && (state.incidents !== last.incidents || state.alerts !== last.alerts || state.actions !== last.actions
        || state.scores !== last.scores)) {
        soon();
        if (chart && chart.follow && state.latest && state.scores !== last.scores && Date.now() - lastChartLoad > 5000) {
          lastChartLoad = Date.now();
          chart.slideTo(Date.parse(state.latest) + 1000).catch(() => {});
        }
      }
      last = state;
    });
    source.onerror = () => { if (status) status.textContent = "reconnecting…"; };
  }

  // The series chart -------------------------------------------------------------------
  let chart = null;
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = (name, attributes, parent) => {
    const element = document.createElementNS(svgNS, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (parent) parent.appendChild(element);
    return element;
  };
  const iso = (ms) => new Date(ms).toISOString().replace(".000Z", "Z");
  const short = (ms, span) => {
    const text = iso(ms);
    return span > 2 * 86400000 ? text.slice(5, 16).replace("T", " ") : text.slice(11, 19);
  };
  const format = (value) => value === null || Number.isNaN(value) ? "–"
    : Math.abs(value) >= 1000 || value === Math.round(value) ? String(Math.round(value * 1000) / 1000) : value.toPrecision(4);

  class SeriesChart {
    constructor(figure) {
      this.figure = figure;
      this.id = figure.dataset.series;
      this.home = [Number(figure.dataset.from) * 1000, Number(figure.dataset.to) * 1000];
      this.range = this.home.slice();
      this.follow = figure.dataset.follow === "1";
      this.requested = Number(figure.dataset.max) || 0;
      this.cursor = -1;
      this.data = { times: new Float64Array(0), values: new Float64Array(0), scores: new Float64Array(0), thresholds: new Float64Array(0) };
      this.anomalies = [];
      const caption = $("figcaption", figure);
      this.caption = caption;
      this.valuePlot = this.plot("value");
      this.scorePlot = this.plot("score");
      this.tooltip = document.createElement("div");
      this.tooltip.className = "tooltip";
      this.tooltip.hidden = true;
      figure.appendChild(this.tooltip);
      figure.appendChild(caption);
      this.bind();
    }

    plot(kind) {
      const box = document.createElement("div");
      box.className = "plot " + kind;
      const canvas = document.createElement("canvas");
      const overlay = svg("svg", { class: "overlay", "aria-hidden": "true" });
      box.append(canvas, overlay);
      this.figure.appendChild(box);
      return { box, canvas, overlay };
    }

    size() {
      const width = Math.max(200, Math.floor(this.figure.clientWidth));
      const narrow = width < 600;
      return { width, value: narrow ? 170 : 240, score: narrow ? 80 : 110 };
    }

    async load() {
      const [from, to] = this.range;
      const width = this.size().width;
      this.width = width;
      const max = this.requested || Math.min(100000, Math.max(200, 2 * width));
      const query = "?from=" + from / 1000 + "&to=" + to / 1000;
      const started = performance.now();
      this.caption.textContent = "Loading…";
      const [text, anomalies] = await Promise.all([
        fetch("/v1/series/" + this.id + "/points" + query + "&max=" + max).then((r) => r.text()),
        fetch("/v1/anomalies" + query + "&series=" + this.id + "&limit=10000").then((r) => r.json()).catch(() => ({ anomalies: [] })),
      ]);
      const received = performance.now();
      const body = JSON.parse(text);
      const points = body.points || [];
      const n = points.length;
      const data = { times: new Float64Array(n), values: new Float64Array(n), scores: new Float64Array(n), thresholds: new Float64Array(n) };
      for (let i = 0; i < n; i++) {
        const point = points[i];
        data.times[i] = Date.parse(point.timestamp);
        data.values[i] = point.value;
        data.scores[i] = point.score === undefined || point.score === null ? NaN : point.score;
        data.thresholds[i] = point.threshold === undefined || point.threshold === null ? NaN : point.threshold;
      }
      this.data = data;
      this.anomalies = (anomalies.anomalies || []).map((item) => ({ ...item, time: Date.parse(item.timestamp) }));
      this.cursor = -1;
      this.draw();
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const painted = performance.now();
      const stats = {
        points: n, total: body.total, downsampled: body.downsampled, from, to, width,
        fetchMs: received - started, renderMs: painted - received, totalMs: painted - started,
        markers: this.anomalies.filter((a) => a.time >= from && a.time < to).map((a) => a.timestamp),
      };
      window.tocsinChart = stats;
      this.figure.dataset.rendered = String(Number(this.figure.dataset.rendered || 0) + 1);
      this.caption.textContent = n + " points shown" + (body.downsampled ? " (of " + body.total + ", thinned keeping extremes and anomalies)" : "")
        + " from " + iso(from) + " to " + iso(to) + "; " + stats.markers.length + " anomalies marked; drawn in "
        + Math.round(stats.renderMs) + " ms.";
    }

    // Follows live data: the same span, ending at `end`.
    slideTo(end) {
      const span = this.range[1] - this.range[0];
      this.range = [end - span, end];
      return this.load();
    }

    x(time) {
      const [from, to] = this.range;
      return (time - from) / (to - from) * this.width;
    }

    time(x) {
      const [from, to] = this.range;
      return from + x / this.width * (to - from);
    }

    draw() {
      const size = this.size();
      this.width = size.width;
      const { times, values, scores, thresholds } = this.data;
      let low = Infinity, high = -Infinity, scoreHigh = 0;
      for (let i = 0; i < times.length; i++) {
        if (values[i] < low) low = values[i];
        if (values[i] > high) high = values[i];
        if (scores[i] > scoreHigh) scoreHigh = scores[i];
        if (thresholds[i] > scoreHigh) scoreHigh = thresholds[i];
      }
      if (!(high > low)) { low = (Number.isFinite(low) ? low : 0) - 1; high = low + 2; }
      const pad = (high - low) * 0.06;
      this.valueScale = [low - pad, high + pad];
      this.scoreScale = [0, scoreHigh > 0 ? scoreHigh * 1.08 : 1];
      this.paint(this.valuePlot, size.width, size.value, values, this.valueScale, "line", false);
      this.paint(this.scorePlot, size.width, size.score, scores, this.scoreScale, "score", false);
      this.paint(this.scorePlot, size.width, size.score, thresholds, this.scoreScale, "threshold", true);
      this.decorate(size);
    }

    // Draws one series as a polyline reduced to the minimum and maximum of each pixel column.
    paint(plot, width, height, values, scale, kind, keep) {
      const ratio = window.devicePixelRatio || 1;
      const canvas = plot.canvas;
      if (!keep) {
        canvas.width = width * ratio;
        canvas.height = height * ratio;
        canvas.style.width = width + "px";
        canvas.style.height = height + "px";
      }
      const context = canvas.getContext("2d");
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      if (!keep) context.clearRect(0, 0, width, height);
      const styles = getComputedStyle(this.figure);
      context.strokeStyle = styles.getPropertyValue("--chart-" + kind).trim() || "#2563eb";
      context.lineWidth = kind === "threshold" ? 1.5 : 1.2;
      context.setLineDash(kind === "threshold" ? [6, 4] : []);
      const times = this.data.times;
      const [from, to] = this.range;
      const xs = width / (to - from);
      const [bottom, top] = scale;
      const ys = height / (top - bottom);
      context.beginPath();
      let column = NaN, first = 0, min = 0, max = 0, last = 0, open = false;
      const flush = () => {
        if (Number.isNaN(column)) return;
        if (open) context.lineTo(column, first); else { context.moveTo(column, first); open = true; }
        if (min !== first) context.lineTo(column, min);
        if (max !== min) context.lineTo(column, max);
        if (last !== max) context.lineTo(column, last);
      };
      for (let i = 0; i < times.length; i++) {
        const value = values[i];
        if (Number.isNaN(value)) { flush(); column = NaN; open = false; continue; }
        const px = Math.round((times[i] - from) * xs);
        const py = height - (value - bottom) * ys;
        if (px !== column) {
          flush();
          column = px; first = min = max = last = py;
        } else {
          if (py < min) min = py;
          if (py > max) max = py;
          last = py;
        }
      }
      flush();
      context.stroke();
    }

    decorate(size) {
      const { width } = size;
      for (const [plot, height] of [[this.valuePlot, size.value], [this.scorePlot, size.score]]) {
        plot.overlay.setAttribute("width", width);
        plot.overlay.setAttribute("height", height);
        plot.overlay.setAttribute("viewBox", "0 0 " + width + " " + height);
        plot.overlay.replaceChildren();
      }
      const [from, to] = this.range;
      const value = this.valuePlot.overlay, score = this.scorePlot.overlay;
      const vy = (v) => size.value - (v - this.valueScale[0]) / (this.valueScale[1] - this.valueScale[0]) * size.value;
      const sy = (v) => size.score - (v - this.scoreScale[0]) / (this.scoreScale[1] - this.scoreScale[0]) * size.score;
      svg("text", { x: 4, y: 12, class: "axis" }, value).textContent = format(this.valueScale[1]);
      svg("text", { x: 4, y: size.value - 4, class: "axis" }, value).textContent = format(this.valueScale[0]);
      svg("text", { x: 4, y: 12, class: "axis" }, score).textContent = "score " + format(this.scoreScale[1]);
      const divisions = width < 600 ? 3 : 5;
      for (let step = 1; step < divisions; step++) {
        const time = from + (to - from) * step / divisions;
        const x = this.x(time);
        svg("line", { x1: x, x2: x, y1: 0, y2: size.value, class: "grid" }, value);
        svg("text", { x, y: size.value - 4, class: "axis", "text-anchor": "middle" }, value).textContent = short(time, to - from);
      }
      const thresholds = this.data.thresholds;
      for (let i = thresholds.length - 1; i >= 0; i--) {
        if (!Number.isNaN(thresholds[i])) {
          const label = svg("text", { x: width - 4, y: Math.max(12, sy(thresholds[i]) - 4), class: "axis threshold-label", "text-anchor": "end" }, score);
          label.textContent = "threshold " + format(thresholds[i]);
          break;
        }
      }
      for (const anomaly of this.anomalies) {
        if (anomaly.time < from || anomaly.time >= to) continue;
        const x = this.x(anomaly.time);
        const marker = svg("circle", { cx: x, cy: vy(anomaly.value), r: 5, class: "marker", "data-timestamp": anomaly.timestamp }, value);
        svg("title", {}, marker).textContent = "anomaly at " + anomaly.timestamp + ": value " + format(anomaly.value)
          + ", score " + format(anomaly.score) + " (threshold " + format(anomaly.threshold) + ")";
        svg("line", { x1: x, x2: x, y1: 0, y2: size.score, class: "marker-line", "data-timestamp": anomaly.timestamp }, score);
      }
      this.selection = svg("rect", { class: "selection", x: 0, y: 0, width: 0, height: size.value, visibility: "hidden" }, value);
      this.crosshairs = [svg("line", { class: "crosshair", y1: 0, y2: size.value, visibility: "hidden" }, value),
        svg("line", { class: "crosshair", y1: 0, y2: size.score, visibility: "hidden" }, score)];
    }

    nearest(time) {
      const times = this.data.times;
      let low = 0, high = times.length - 1;
      if (high < 0) return -1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (times[middle] < time) low = middle + 1; else high = middle;
      }
      return low > 0 && time - times[low - 1] < times[low] - time ? low - 1 : low;
    }

    show(index) {
      const { times, values, scores, thresholds } = this.data;
      if (index < 0 || index >= times.length) { this.hide(); return; }
      this.cursor = index;
      const x = this.x(times[index]);
      for (const line of this.crosshairs) { line.setAttribute("x1", x); line.setAttribute("x2", x); line.setAttribute("visibility", "visible"); }
      this.tooltip.hidden = false;
      this.tooltip.textContent = iso(times[index]) + "  value " + format(values[index]) + "  score " + format(scores[index])
        + "  threshold " + format(thresholds[index]);
      const width = this.width;
      this.tooltip.style.left = Math.min(Math.max(0, x - 120), Math.max(0, width - 250)) + "px";
    }

    hide() {
      this.tooltip.hidden = true;
      for (const line of this.crosshairs || []) line.setAttribute("visibility", "hidden");
    }

    zoomTo(from, to) {
      if (!(to - from >= 1000)) return;
      this.range = [from, to];
      this.follow = false;
      const url = new URL(location.href);
      url.searchParams.set("from", iso(from));
      url.searchParams.set("to", iso(to));
      history.replaceState(null, "", url);
      this.load().then(refresh);
    }

    zoom(factor) {
      const [from, to] = this.range;
      const middle = this.cursor >= 0 ? this.data.times[this.cursor] : (from + to) / 2;
      const half = (to - from) * factor / 2;
      this.zoomTo(middle - half, middle + half);
    }

    pan(direction) {
      const [from, to] = this.range;
      const step = (to - from) / 2 * direction;
      this.zoomTo(from + step, to + step);
    }

    bind() {
      const offset = (event) => event.clientX - this.figure.getBoundingClientRect().left;
      let dragStart = null;
      this.figure.addEventListener("mousedown", (event) => { dragStart = offset(event); event.preventDefault(); });
      this.figure.addEventListener("mousemove", (event) => {
        const x = offset(event);
        this.show(this.nearest(this.time(x)));
        if (dragStart !== null && this.selection) {
          this.selection.setAttribute("x", Math.min(dragStart, x));
          this.selection.setAttribute("width", Math.abs(x - dragStart));
          this.selection.setAttribute("visibility", "visible");
        }
      });
      this.figure.addEventListener("mouseleave", () => { this.hide(); dragStart = null; });
      window.addEventListener("mouseup", (event) => {
        if (dragStart === null) return;
        const x = offset(event);
        const start = dragStart;
        dragStart = null;
        if (Math.abs(x - start) > 5) this.zoomTo(this.time(Math.min(start, x)), this.time(Math.max(start, x)));
        else if (this.selection) this.selection.setAttribute("visibility", "hidden");
      });
      this.figure.addEventListener("keydown", (event) => {
        const count = this.data.times.length;
        const step = event.shiftKey ? Math.max(1, Math.round(count / 50)) : 1;
        const at = this.cursor < 0 ? count - 1 : this.cursor;
        const keys = {
          ArrowLeft: () => this.show(Math.max(0, at - step)), ArrowRight: () => this.show(Math.min(count - 1, at + step)),
          Home: () => this.show(0), End: () => this.show(count - 1), Escape: () => this.hide(),
          "+": () => this.zoom(0.5), "=": () => this.zoom(0.5), "-": () => this.zoom(2),
        };
        if (keys[event.key]) { keys[event.key](); event.preventDefault(); }
      });
      for (const button of document.querySelectorAll("[data-zoom], [data-pan]")) {
        button.addEventListener("click", () => {
          if (button.dataset.pan) { this.pan(Number(button.dataset.pan)); return; }
          if (button.dataset.zoom === "reset") {
            const url = new URL(location.href);
            url.searchParams.delete("from");
            url.searchParams.delete("to");
            history.replaceState(null, "", url);
            this.range = this.home.slice();
            this.follow = this.figure.dataset.follow === "1";
            this.load().then(refresh);
            return;
          }
          this.zoom(button.dataset.zoom === "in" ? 0.5 : 2);
        });
      }
      let resizing = 0;
      window.addEventListener("resize", () => {
        clearTimeout(resizing);
        resizing = setTimeout(() => this.draw(), 150);
      });
    }
  }

  setUpToken();
  const figure = $("#chart");
  if (figure) {
    chart = new SeriesChart(figure);
    chart.load().catch((error) => { figure.querySelector("figcaption").textContent = "The chart could not load: " + error.message; });
  }
  listen();
})();
"""#
}
