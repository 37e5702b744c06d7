"""Drives Tocsin's dashboard in headless Chromium (selenium) and prints what it saw as one
JSON object on the last line of standard output; the Swift test asserts on it.

    python3 dashboard_browser.py DEMO_URL BIG_URL TOKEN OUTPUT_FOLDER

DEMO_URL serves `tocsin demo` (the synthetic cloud), BIG_URL a `tocsin serve` that this
script fills with one series of 100,000 points, TOKEN is the API token of DEMO_URL.
Screenshots of every page at 1280x800 and 390x844 go to OUTPUT_FOLDER."""
import json
import os
from datetime import datetime
import sys
import time
import urllib.request

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
except ImportError:
    sys.exit("selenium is not installed: python3 -m pip install selenium (scripts/test installs it)")

SIZES = [(1280, 800), (390, 844)]


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def post(url, body, content_type):
    request = urllib.request.Request(url, data=body.encode(), headers={"Content-Type": content_type}, method="POST")
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status


def wait_for(condition, seconds, what, step=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise TimeoutError(f"waited {seconds} s for {what}")


def browser(javascript=True):
    options = webdriver.ChromeOptions()
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,800"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def screenshots(driver, folder, name, url, ready=None):
    """Loads `url` at each size and saves NAME-WIDTHxHEIGHT.png; returns the files."""
    files = []
    for width, height in SIZES:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        driver.get(url)
        if ready:
            ready(driver)
        time.sleep(0.3)
        path = os.path.join(folder, f"{name}-{width}x{height}.png")
        with open(path, "wb") as file:
            file.write(driver.get_screenshot_as_png())
        files.append(path)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    return files


def text_of(driver, selector):
    """The text of the first element matching `selector` ("" when there is none), read in one step."""
    return driver.execute_script("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", selector)


def attribute_values(driver, selector, name):
    """The `data-NAME` values of every element matching `selector`, read in one step."""
    return driver.execute_script("return [...document.querySelectorAll(arguments[0])].map(e => e.dataset[arguments[1]])", selector, name)


def chart_ready(driver, rendered_before=0):
    return wait_for(lambda: driver.execute_script(
        "const f = document.getElementById('chart'); return f && Number(f.dataset.rendered || 0) > arguments[0] ? window.tocsinChart : null",
        rendered_before), 60, "the series chart")


def main():
    demo, big, token, folder = sys.argv[1:5]
    os.makedirs(folder, exist_ok=True)
    result = {"screenshots": []}
    driver = browser()
    try:
        driver.set_script_timeout(60)
        # 1. The incident timeline, open before the first incident is detected; it must show
        # each incident within 10 s of the API having it, without a reload.
        driver.get(demo + "/incidents")
        driver.execute_script("window.__notReloaded = true")
        result["incidentsAtStart"] = len(get_json(demo + "/v1/incidents?limit=1000")["incidents"])
        seen_api, seen_page = {}, {}
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline:
            now = time.monotonic()
            for incident in get_json(demo + "/v1/incidents?limit=1000")["incidents"]:
                seen_api.setdefault(incident["id"], now)
            for incident in attribute_values(driver, "[data-live=timeline] tr[data-incident]", "incident"):
                seen_page.setdefault(int(incident), now)
            # Watch for 20 s after the first incident the detectors open, so that later ones count too.
            if len(seen_api) > result["incidentsAtStart"] and max(seen_api.values()) + 12 < now and all(i in seen_page for i in seen_api) \
                    and min(t for i, t in seen_api.items()) + 20 < now:
                break
            time.sleep(0.25)
        result["incidentDelays"] = {str(i): round(seen_page[i] - seen_api[i], 2) for i in seen_api if i in seen_page}
        result["incidentsMissingFromPage"] = [i for i in seen_api if i not in seen_page]
        result["timelineBars"] = len(attribute_values(driver, "svg.timeline a[data-incident]", "incident"))
        result["timelineRows"] = len(attribute_values(driver, "[data-live=timeline] tr[data-incident]", "incident"))
        result["notReloaded"] = driver.execute_script("return window.__notReloaded === true")
        result["liveStatus"] = text_of(driver, "#live")

        # 2. The overview lists every service of the synthetic cloud.
        services = sorted({s["labels"].get("service") for s in get_json(demo + "/v1/series")["series"] if s["labels"].get("service")})
        driver.get(demo + "/")
        listed = sorted(attribute_values(driver, "tr[data-service]", "service"))
        result["services"] = services
        result["servicesListed"] = listed
        result["evaluationLink"] = len(driver.find_elements(By.CSS_SELECTOR, "nav a[href='/report/']")) == 1

        # 3. The series chart marks an anomaly at its time: the marker's position is the
        # anomaly's time on the chart's scale, and hovering it shows that point's values.
        anomaly = wait_for(lambda: next(iter(get_json(demo + "/v1/anomalies?from=0&limit=1")["anomalies"]), None), 60, "an anomaly")
        moment = anomaly["timestamp"]
        epoch = datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp()
        driver.get(f"{demo}/series/{anomaly['series']}?from={epoch - 3 * 3600:.0f}&to={epoch + 3600:.0f}")
        stats = chart_ready(driver)
        marker = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, f"circle.marker[data-timestamp='{moment}']"), 10, "the marker")[0]
        expected_x = (epoch * 1000 - stats["from"]) / (stats["to"] - stats["from"]) * stats["width"]
        result["marker"] = {"timestamp": moment, "cx": float(marker.get_attribute("cx")), "expectedX": expected_x,
                            "markersOnChart": len(stats["markers"])}
        ActionChains(driver).move_to_element(marker).perform()
        tooltip = wait_for(lambda: text_of(driver, "#chart .tooltip"), 5, "the tooltip")
        result["marker"]["tooltip"] = tooltip
        result["marker"]["epoch"] = epoch
        result["marker"]["tooltipEpoch"] = datetime.fromisoformat(tooltip.split()[0].replace("Z", "+00:00")).timestamp()
        result["marker"]["thresholdLabel"] = text_of(driver, "#chart .threshold-label")

        # 4. Acknowledging an alert on the page changes it through the API (with the token).
        driver.get(demo + "/alerts")
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.CSS_SELECTOR, "#token-form button").click()
        # The list updates itself: wait for a firing alert that is not acknowledged yet, and
        # click its button in one step (the list may be redrawn at any moment).
        target = wait_for(lambda: driver.execute_script(
            "const b = document.querySelector('button[data-ack]'); if (!b) return null; b.click(); return b.dataset.ack;"),
            90, "an alert to acknowledge")
        message = wait_for(lambda: text_of(driver, "#message") not in ("", "Token saved in this browser.") and text_of(driver, "#message"),
                           10, "the page's answer")
        state = next(a for a in get_json(demo + "/v1/alerts")["alerts"] if a["fingerprint"] == target)
        result["ack"] = {"fingerprint": target, "message": message, "acknowledgedInAPI": state["acknowledged"],
                         "rowUpdated": bool(wait_for(lambda: "acknowledged" in text_of(driver, f"tr[data-fingerprint='{target}']"),
                                                     10, "the row to update"))}

        # ... and silencing from the page creates the silence through the API.
        silenced = wait_for(lambda: driver.execute_script(
            "const b = document.querySelector('button[data-silence]'); if (!b) return null; b.click(); return b.dataset.silence;"),
            10, "a silence button")
        silence = wait_for(lambda: next((s for s in get_json(demo + "/v1/silences")["silences"] if s["createdBy"] == "dashboard"), None),
                           10, "the silence in the API")
        result["silence"] = {"asked": json.loads(silenced), "matchers": silence["matchers"], "state": silence["state"],
                             "listed": bool(wait_for(lambda: attribute_values(driver, "tr[data-silence-id]", "silenceId"), 10,
                                                     "the silence on the page"))}

        # 5. Every page at both sizes.
        incident = get_json(demo + "/v1/incidents?limit=1")["incidents"][0]["id"]
        pages = [("overview", "/", None), ("series", "/series", None),
                 ("explorer", f"/series/{anomaly['series']}", lambda d: chart_ready(d)),
                 ("incidents", "/incidents", None), ("incident", f"/incidents/{incident}", None), ("alerts", "/alerts", None),
                 ("actions", "/actions", None), ("evaluation", "/report/", None)]
        for name, path, ready in pages:
            result["screenshots"] += screenshots(driver, folder, name, demo + path, ready)

        # 6. With JavaScript off the lists are still there, rendered by the server.
        plain = browser(javascript=False)
        try:
            counts = {}
            for path, selector in [("/", "tr[data-service]"), ("/series", "tr[data-series-id]"), ("/incidents", "tr[data-incident]"),
                                   ("/alerts", "tr[data-fingerprint], tr[data-silence-id]"), ("/actions", "tr[data-action-id]")]:
                plain.get(demo + path)
                counts[path] = len(plain.find_elements(By.CSS_SELECTOR, selector))
            plain.get(f"{demo}/series/{anomaly['series']}?from={epoch - 3 * 3600:.0f}&to={epoch + 3600:.0f}")
            result["withoutJavaScript"] = {"rows": counts, "scriptRan": len(plain.find_elements(By.CSS_SELECTOR, "html.js")) > 0,
                                           "anomalyRows": len(plain.find_elements(By.CSS_SELECTOR, "tr[data-anomaly]"))}
        finally:
            plain.quit()

        # 7. A chart of 100,000 points, timed in the page: from the points arriving to the
        # chart painted (JSON parsing, scaling, drawing and the next frame).
        lines = [json.dumps({"series": "big", "labels": {"service": "load"}, "timestamp": 1_700_000_000 + i * 10,
                             "value": (i % 600) / 6 + (50 if i % 20_000 == 10_000 else 0)}) for i in range(100_000)]
        for start in range(0, len(lines), 25_000):
            post(big + "/v1/points", "\n".join(lines[start:start + 25_000]), "application/x-ndjson")
        series = get_json(big + "/v1/series?match=big")["series"][0]["id"]
        wait_for(lambda: any(a["id"] == series and a["pointsSeen"] >= 100_000 for a in get_json(big + "/analyze")["series"]),
                 180, "detection of the 100,000 points", step=1)
        timings = []
        for _ in range(3):
            driver.get(f"{big}/series/{series}?from=1700000000&to=1701000000&max=100000")
            timings.append(chart_ready(driver))
        result["bigChart"] = [{"points": t["points"], "renderMs": round(t["renderMs"], 1), "fetchMs": round(t["fetchMs"], 1),
                               "totalMs": round(t["totalMs"], 1)} for t in timings]
        result["screenshots"] += screenshots(driver, folder, "explorer-100k",
                                             f"{big}/series/{series}?from=1700000000&to=1701000000&max=100000", lambda d: chart_ready(d))
    finally:
        driver.quit()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
