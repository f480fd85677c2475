// The layout report's JSON and checks (see layout_report.h).
#include "core/layout_report.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace actlab {

namespace {

using json = nlohmann::json;

json RectToJson(const LayoutRect& r) {
    return json::array({r.x, r.y, r.w, r.h});
}

LayoutRect RectFromJson(const json& j) {
    if (!j.is_array() || j.size() != 4) throw std::runtime_error("a rect must be [x, y, w, h]");
    return {j[0].get<float>(), j[1].get<float>(), j[2].get<float>(), j[3].get<float>()};
}

std::string Describe(const LayoutRect& r) {
    return "[" + std::to_string(static_cast<int>(r.x)) + ", " + std::to_string(static_cast<int>(r.y)) + ", " +
           std::to_string(static_cast<int>(r.w)) + ", " + std::to_string(static_cast<int>(r.h)) + "]";
}

const LayoutRegion* FindReportRegion(const LayoutReport& report, const std::string& id) {
    const auto found = std::find_if(report.regions.begin(), report.regions.end(),
                                    [&](const LayoutRegion& r) { return r.id == id; });
    return found == report.regions.end() ? nullptr : &*found;
}

} // namespace

bool LayoutRect::Overlaps(const LayoutRect& other, float tolerance) const {
    const float dx = std::min(Right(), other.Right()) - std::max(x, other.x);
    const float dy = std::min(Bottom(), other.Bottom()) - std::max(y, other.y);
    return dx > tolerance && dy > tolerance;
}

bool LayoutRect::Contains(const LayoutRect& other, float tolerance) const {
    return other.x >= x - tolerance && other.y >= y - tolerance && other.Right() <= Right() + tolerance &&
           other.Bottom() <= Bottom() + tolerance;
}

std::string LayoutReportToJson(const LayoutReport& report) {
    json regions = json::array();
    for (const LayoutRegion& r : report.regions) {
        regions.push_back(
            {{"id", r.id}, {"rect", RectToJson(r.rect)}, {"clipped", r.clipped}, {"covered", r.covered}});
    }
    json labels = json::array();
    for (const LayoutLabel& l : report.labels) {
        labels.push_back({{"region", l.region},
                          {"text", l.text},
                          {"rect", RectToJson(l.rect)},
                          {"truncated", l.truncated}});
    }
    json root{{"size", json::array({report.width, report.height})},
              {"scale", report.scale},
              {"regions", regions},
              {"labels", labels},
              {"focus", report.focus}};
    if (report.slide) {
        root["slide"] = {
            {"index", report.slide->index}, {"count", report.slide->count}, {"title", report.slide->title}};
    }
    return root.dump(1) + "\n";
}

LayoutReport ParseLayoutReport(std::string_view text, std::string& error) {
    LayoutReport report;
    error.clear();
    try {
        const json root = json::parse(text);
        report.width = root.at("size").at(0).get<int>();
        report.height = root.at("size").at(1).get<int>();
        report.scale = root.at("scale").get<float>();
        for (const json& r : root.at("regions")) {
            report.regions.push_back({r.at("id").get<std::string>(), RectFromJson(r.at("rect")),
                                      r.at("clipped").get<bool>(), r.at("covered").get<bool>()});
        }
        for (const json& l : root.at("labels")) {
            report.labels.push_back({l.at("region").get<std::string>(), l.at("text").get<std::string>(),
                                     RectFromJson(l.at("rect")), l.at("truncated").get<bool>()});
        }
        report.focus = root.at("focus").get<std::vector<std::string>>();
        if (const auto slide = root.find("slide"); slide != root.end()) {
            report.slide =
                LayoutSlide{slide->at("index").get<std::size_t>(), slide->at("count").get<std::size_t>(),
                            slide->at("title").get<std::string>()};
        }
    } catch (const std::exception& e) {
        error = e.what();
        return {};
    }
    return report;
}

// Coordinate compression: the x and y edges cut the plane into cells; a cell inside any rectangle
// counts once. Reports hold a handful of focus rectangles, so O(n³) is nothing.
double UnionArea(const std::vector<LayoutRect>& rects) {
    std::vector<float> xs, ys;
    for (const LayoutRect& r : rects) {
        if (r.Area() <= 0.0f) continue;
        xs.insert(xs.end(), {r.x, r.Right()});
        ys.insert(ys.end(), {r.y, r.Bottom()});
    }
    std::sort(xs.begin(), xs.end());
    std::sort(ys.begin(), ys.end());
    double area = 0.0;
    for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
        for (std::size_t j = 0; j + 1 < ys.size(); ++j) {
            const float cx = (xs[i] + xs[i + 1]) / 2, cy = (ys[j] + ys[j + 1]) / 2;
            const bool inside = std::any_of(rects.begin(), rects.end(), [&](const LayoutRect& r) {
                return r.Area() > 0.0f && cx > r.x && cx < r.Right() && cy > r.y && cy < r.Bottom();
            });
            if (inside)
                area += static_cast<double>(xs[i + 1] - xs[i]) * static_cast<double>(ys[j + 1] - ys[j]);
        }
    }
    return area;
}

double WindowShare(const LayoutReport& report, const std::vector<std::string>& ids) {
    const double window = static_cast<double>(report.width) * report.height;
    if (window <= 0.0) return 0.0;
    std::vector<LayoutRect> rects;
    const LayoutRect screen{0.0f, 0.0f, static_cast<float>(report.width), static_cast<float>(report.height)};
    for (const std::string& id : ids) {
        const LayoutRegion* region = FindReportRegion(report, id);
        if (!region) return 0.0;
        // Only what lies on screen counts.
        const float left = std::max(region->rect.x, 0.0f), top = std::max(region->rect.y, 0.0f);
        const float right = std::min(region->rect.Right(), screen.w),
                    bottom = std::min(region->rect.Bottom(), screen.h);
        rects.push_back({left, top, right - left, bottom - top});
    }
    return UnionArea(rects) / window;
}

std::vector<std::string> LayoutProblems(const LayoutReport& report, double min_focus_share) {
    std::vector<std::string> problems;
    const LayoutRect screen{0.0f, 0.0f, static_cast<float>(report.width), static_cast<float>(report.height)};
    if (report.focus.empty()) problems.emplace_back("no focus region named");
    for (const std::string& id : report.focus) {
        const LayoutRegion* region = FindReportRegion(report, id);
        if (!region) {
            problems.push_back("focus region " + id + " is not on screen");
            continue;
        }
        if (region->rect.Area() <= 0.0f) problems.push_back("focus region " + id + " is empty");
        if (!screen.Contains(region->rect))
            problems.push_back("focus region " + id + " " + Describe(region->rect) + " leaves the window");
        if (region->clipped) problems.push_back("focus region " + id + " is clipped");
        if (region->covered) problems.push_back("focus region " + id + " is covered");
    }
    const double share = WindowShare(report, report.focus);
    if (!report.focus.empty() && share < min_focus_share) {
        problems.push_back("focus regions take " + std::to_string(static_cast<int>(share * 100.0)) +
                           "% of the window, under " +
                           std::to_string(static_cast<int>(min_focus_share * 100.0)) + "%");
    }
    for (std::size_t i = 0; i < report.labels.size(); ++i) {
        const LayoutLabel& a = report.labels[i];
        if (a.truncated) problems.push_back("label \"" + a.text + "\" in " + a.region + " is truncated");
        for (std::size_t j = i + 1; j < report.labels.size(); ++j) {
            const LayoutLabel& b = report.labels[j];
            if (a.region == b.region && a.rect.Overlaps(b.rect)) {
                problems.push_back("labels \"" + a.text + "\" " + Describe(a.rect) + " and \"" + b.text +
                                   "\" " + Describe(b.rect) + " overlap in " + a.region);
            }
        }
    }
    return problems;
}

} // namespace actlab
