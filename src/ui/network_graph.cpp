// The network graph and the decision surface (see network_graph.h).
#include "ui/network_graph.h"

#include "ui/layout_recorder.h"

#include "core/ticks.h"
#include "core/training.h"
#include "render/heat_color.h"
#include "ui/cached_geometry.h"
#include "ui/heatmap_renderer.h"
#include "ui/network_output_views.h"
#include "ui/widgets.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace actlab::ui {

namespace {

constexpr std::size_t kOutputHeatmapSlot = ~std::size_t{0}; // the node heatmaps use slots 0, 1, …

ImU32 U32(Color c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}

// Class k's colour: the theme's palette in order (Okabe and Ito's colour-blind-safe set, chosen per
// theme for contrast on its background, projector included).
std::array<Color, kMaxClassColors> ClassColors(const FigureTheme& theme) {
    std::array<Color, kMaxClassColors> colors{};
    for (std::size_t k = 0; k < colors.size(); ++k)
        colors[k] = PaletteColor(theme, k);
    return colors;
}

// Squared distance from p to the segment ab.
float SegmentDistance2(ImVec2 p, ImVec2 a, ImVec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    float t = len2 > 0.0f ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

// A dashed rectangle outline: dashes of `dash` pixels along each side.
void DashedRect(ImDrawList* draw, ImVec2 p0, ImVec2 p1, ImU32 color, float thickness, float dash) {
    const auto side = [&](ImVec2 a, ImVec2 b) {
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        for (float s = 0.0f; s < len; s += 2.0f * dash) {
            const float e = std::min(s + dash, len);
            draw->AddLine({a.x + (b.x - a.x) * s / len, a.y + (b.y - a.y) * s / len},
                          {a.x + (b.x - a.x) * e / len, a.y + (b.y - a.y) * e / len}, color, thickness);
        }
    };
    side(p0, {p1.x, p0.y});
    side({p1.x, p0.y}, p1);
    side(p1, {p0.x, p1.y});
    side({p0.x, p1.y}, p0);
}

// The badge's text: the theme's (white) on a dark background such as the dead red; near-black on a
// light one (the dark theme's amber "dying"), where white would not read. Relative luminance
// L = 0.2126 R + 0.7152 G + 0.0722 B (sRGB weights, gamma ignored).
Color BadgeTextOn(Color background, Color text) {
    const float luminance =
        (0.2126f * static_cast<float>(background.r) + 0.7152f * static_cast<float>(background.g) +
         0.0722f * static_cast<float>(background.b)) /
        255.0f;
    return luminance > 0.6f ? Color{20, 20, 20, 255} : text;
}

void Badge(ImDrawList* draw, ImVec2 at, const char* text, Color background, Color text_color, float scale) {
    const Color foreground = BadgeTextOn(background, text_color);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 pad{3.0f * scale, 1.0f * scale};
    draw->AddRectFilled(at, {at.x + size.x + 2 * pad.x, at.y + size.y + 2 * pad.y}, U32(background),
                        3.0f * scale);
    draw->AddText({at.x + pad.x, at.y + pad.y}, U32(foreground), text);
    RecordText(text, {at.x + pad.x, at.y + pad.y});
}

// Mean |∂E/∂z| on a log scale from 10⁻⁶ (empty bar) to 1 (full): gradients span many decades.
float GradientBarFraction(double mean_abs_delta) {
    if (!(mean_abs_delta > 0.0)) return 0.0f;
    return std::clamp(static_cast<float>((std::log10(mean_abs_delta) + 6.0) / 6.0), 0.0f, 1.0f);
}

struct NodeBox {
    ImVec2 p0, p1;
    ImVec2 Left() const { return {p0.x, (p0.y + p1.y) / 2}; }
    ImVec2 Right() const { return {p1.x, (p0.y + p1.y) / 2}; }
    bool Contains(ImVec2 p) const { return p.x >= p0.x && p.x <= p1.x && p.y >= p0.y && p.y <= p1.y; }
};

void NodeTooltip(const Network& network, const NetworkStats& stats, std::size_t layer, std::size_t neuron) {
    ImGui::BeginTooltip();
    const Layer& l = network.layers[layer];
    const bool output = layer + 1 == network.layers.size();
    ImGui::Text("%s  (%s)", NodeName(network, layer, neuron).c_str(),
                std::string(l.NeuronActivation(neuron).info().display_name).c_str());
    ImGui::Text("bias b = %s", FormatReadout(l.biases[neuron], 4).c_str());
    if (!l.learned.empty()) ImGui::Text("learned a = %s", FormatReadout(l.learned[neuron], 4).c_str());
    if (layer < stats.layers.size() && neuron < stats.layers[layer].neurons.size()) {
        const NeuronStats& s = stats.layers[layer].neurons[neuron];
        ImGui::Text("active on %.1f%% of training samples (f\u2032(z) \u2260 0)", 100.0 * s.activation_rate);
        ImGui::Text("z from %s to %s, mean %s", FormatReadout(s.min_z, 3).c_str(),
                    FormatReadout(s.max_z, 3).c_str(), FormatReadout(s.mean_z, 3).c_str());
        ImGui::Text("mean |\u2202E/\u2202z| = %s", FormatReadout(s.mean_abs_delta, 3).c_str());
        ImGui::Text("mean |\u2202L/\u2202w| of its weights = %s",
                    FormatReadout(s.mean_abs_weight_grad, 3).c_str());
        if (s.dead && !output) {
            ImGui::TextWrapped(
                "DEAD: f\u2032(z) = 0 on every training sample, so its weights never change again.");
        } else if (s.dying && !output) {
            ImGui::TextWrapped("DYING: active on under 5%% of the samples.");
        }
    }
    ImGui::EndTooltip();
}

// Where everything goes: columns (the inputs, each hidden layer, the output) of square nodes, the
// node side from the tallest column. Everything scales with the room per node, so any network the
// panel allows (8 neurons a layer) fits the slot it is given, under its headings.
struct GraphLayout {
    ImVec2 origin;
    float column_width = 0.0f;
    float line = 0.0f;                       // text line height: the headings' rows
    float bar_gap = 0.0f;                    // from a node's bottom to its gradient bar
    float bar_height = 0.0f;                 // the gradient bar under each node
    float edge_scale = 1.0f;                 // edge widths shrink with the nodes
    bool badges = true;                      // room for the "dead" and "dying" words on the nodes
    std::vector<std::vector<NodeBox>> boxes; // per column, top to bottom
};

GraphLayout LayOutGraph(const Network& network, ImVec2 origin, ImVec2 size, float scale) {
    GraphLayout layout;
    layout.origin = origin;
    const std::size_t columns = network.layers.size() + 1;
    std::size_t tallest = network.inputs.size();
    for (const Layer& layer : network.layers)
        tallest = std::max(tallest, layer.size);
    layout.line = ImGui::GetTextLineHeight();
    const float header = layout.line * 2.3f; // layer names above the columns
    const float badge = 4.0f * scale;        // margin above the first node for its outline
    const float available = std::max(size.y - header - badge, 0.0f);
    // Per node: the node, then a gap that holds its gradient bar. With room to spare the gap is
    // 10–14 px (at 1×) and the node at least 12 px; with less (a small slot, eight neurons at
    // lecture scale) node and gap shrink together in that 12 : 10 proportion, so that the column
    // never reaches into the headings or out of the slot.
    const float room = available / static_cast<float>(std::max<std::size_t>(tallest, 1));
    const float roomy = 22.0f * scale;
    const float extra = room >= roomy ? std::clamp(room - 12.0f * scale, 10.0f * scale, 14.0f * scale)
                                      : room * (10.0f / 22.0f);
    layout.column_width = size.x / static_cast<float>(columns);
    const float side = std::max(std::min({layout.column_width * 0.5f, room - extra, 96.0f * scale}), 1.0f);
    const float pitch = side + extra;
    // The gradient bar (3 px under the node, 5 px high at 1×) keeps its share of a shrunken gap.
    const float shrink = std::min(extra / (10.0f * scale), 1.0f);
    layout.bar_gap = 3.0f * scale * shrink;
    layout.bar_height = 5.0f * scale * shrink;
    layout.edge_scale = std::clamp(room / roomy, 0.35f, 1.0f);
    // A badge is a line of text at a node's top left: it needs a pitch of a line (or it would cover
    // the badge below) and a column wide enough; otherwise the node's outline alone marks it.
    layout.badges = pitch >= layout.line + 4.0f * scale &&
                    layout.column_width * 0.9f >= ImGui::CalcTextSize("dying").x + 8.0f * scale;
    // The input names stand left of their nodes: keep room for the longest inside the graph.
    float names = 0.0f;
    for (const InputFeature feature : network.inputs)
        names = std::max(names, ImGui::CalcTextSize(std::string(FeatureName(feature)).c_str()).x);
    layout.boxes.resize(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        const std::size_t count = c == 0 ? network.inputs.size() : network.layers[c - 1].size;
        float x = origin.x + layout.column_width * (static_cast<float>(c) + 0.5f) - side / 2;
        // The inputs' names stand beside their nodes: their column keeps a line between nodes.
        float column_pitch = pitch;
        if (c == 0) {
            x = std::max(x, origin.x + names + 8.0f * scale);
            column_pitch =
                std::max(pitch, std::min(layout.line + 2.0f * scale,
                                         available / static_cast<float>(std::max<std::size_t>(count, 1))));
        }
        // Centred as a column of `pitch`, so that every column's nodes share one middle line.
        const float top = origin.y + header + badge +
                          (available - column_pitch * (static_cast<float>(count) - 1.0f) - pitch) / 2;
        for (std::size_t k = 0; k < count; ++k) {
            const float y = top + column_pitch * static_cast<float>(k);
            layout.boxes[c].push_back({{x, y}, {x + side, y + side}});
        }
    }
    return layout;
}

// The box around every node and its gradient bar (reported as a region of its own, so the layout
// checks can see that the nodes stay inside the graph and under its headings).
NodeBox NodesExtent(const GraphLayout& layout) {
    NodeBox extent{{FLT_MAX, FLT_MAX}, {-FLT_MAX, -FLT_MAX}};
    for (const auto& column : layout.boxes) {
        for (const NodeBox& box : column) {
            extent.p0 = {std::min(extent.p0.x, box.p0.x), std::min(extent.p0.y, box.p0.y)};
            extent.p1 = {std::max(extent.p1.x, box.p1.x),
                         std::max(extent.p1.y, box.p1.y + layout.bar_gap + layout.bar_height)};
        }
    }
    return extent;
}

struct ColumnHeading {
    std::string title, short_title, subtitle;
};

ColumnHeading HeadingOf(const Network& network, std::size_t column) {
    if (column == 0) return {"inputs", "in", ""};
    const std::string activation(network.layers[column - 1].activation.info().display_name);
    // A softmax output's neurons are linear logits; the softmax over them is what the layer computes.
    if (column == network.layers.size())
        return {"output", "out", network.IsSoftmax() ? "Softmax" : activation};
    const std::string number = std::to_string(column);
    return {"layer " + number, "L" + number, activation};
}

// Column headings: what each layer computes. Deep nets at lecture scale have narrow columns: the
// short names ("L3", "out") keep neighbours apart, and neighbouring layers with one activation share
// one name spanning their columns ("Sigmoid" once over six layers) rather than a cut name each.
void DrawColumnHeadings(ImDrawList* draw, const Network& network, const GraphLayout& layout,
                        const FigureTheme& theme) {
    const float heading_room = layout.column_width * 0.94f;
    const std::size_t columns = layout.boxes.size();
    std::vector<ColumnHeading> headings;
    for (std::size_t c = 0; c < columns; ++c) {
        headings.push_back(HeadingOf(network, c));
        const ColumnHeading& heading = headings.back();
        const std::string& title =
            ImGui::CalcTextSize(heading.title.c_str()).x > heading_room ? heading.short_title : heading.title;
        const float cx = layout.origin.x + layout.column_width * (static_cast<float>(c) + 0.5f);
        const ImVec2 t = ImGui::CalcTextSize(title.c_str());
        draw->AddText({cx - t.x / 2, layout.origin.y}, U32(theme.text), title.c_str());
        RecordText(title, {cx - t.x / 2, layout.origin.y});
    }
    for (std::size_t first = 1; first < columns;) {
        const std::string& name = headings[first].subtitle;
        std::size_t last = first; // a run of columns with the same activation, named once when it must be
        const bool fits = ImGui::CalcTextSize(name.c_str()).x <= heading_room;
        while (!fits && last + 1 < columns && headings[last + 1].subtitle == name)
            ++last;
        const float span = layout.column_width * static_cast<float>(last - first + 1);
        const std::string shown = FitText(name, span * 0.94f);
        const float cx = layout.origin.x + layout.column_width * static_cast<float>(first) + span / 2;
        const ImVec2 s = ImGui::CalcTextSize(shown.c_str());
        draw->AddText({cx - s.x / 2, layout.origin.y + layout.line}, U32(theme.dim_text), shown.c_str());
        RecordText(shown, {cx - s.x / 2, layout.origin.y + layout.line}, shown != name);
        first = last + 1;
    }
}

// Edges first (under the nodes): colour by sign, width by |w|. Returns the edge nearest the pointer
// when the graph is hovered away from the nodes, drawn highlighted.
std::optional<session::WeightIndex> DrawEdges(ImDrawList* draw, const Network& network,
                                              const GraphLayout& layout, const WeightSelection& selection,
                                              const FigureTheme& theme, float scale, bool hovered) {
    const NetworkColors& colors = theme.network;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    std::optional<session::WeightIndex> hit;
    float best = (6.0f * scale) * (6.0f * scale);
    bool over_node = false;
    for (const auto& column : layout.boxes) {
        for (const NodeBox& box : column)
            over_node = over_node || box.Contains(mouse);
    }
    const auto& boxes = layout.boxes;
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const Layer& layer = network.layers[l];
        for (std::size_t j = 0; j < layer.size; ++j) {
            for (std::size_t i = 0; i < layer.fan_in; ++i) {
                const ImVec2 a = boxes[l][i].Right(), b = boxes[l + 1][j].Left();
                const double w = layer.Weight(j, i);
                const float magnitude =
                    std::isfinite(w) ? static_cast<float>(std::min(std::abs(w), 3.0)) : 3.0f;
                const float thickness = (0.6f + 2.2f * magnitude) * scale * layout.edge_scale;
                const bool selected =
                    selection.valid && selection.layer == l && selection.neuron == j && selection.input == i;
                if (selected) draw->AddLine(a, b, U32(theme.text), thickness + 4.0f * scale);
                draw->AddLine(a, b, U32(WithAlpha(w >= 0.0 ? colors.positive : colors.negative, 215)),
                              thickness);
                if (hovered && !over_node) {
                    const float d2 = SegmentDistance2(mouse, a, b);
                    if (d2 < best) {
                        best = d2;
                        hit = session::WeightIndex{l, j, i};
                    }
                }
            }
        }
    }
    if (hit) {
        const ImVec2 a = boxes[hit->layer][hit->input].Right(), b = boxes[hit->layer + 1][hit->neuron].Left();
        draw->AddLine(a, b, U32(WithAlpha(theme.text, 150)), 2.0f * scale);
    }
    return hit;
}

// Nodes: heatmap, gradient bar, outline and badge; a tooltip for the hovered one.
void DrawNodes(ImDrawList* draw, const NetworkSession& session, const GraphLayout& layout,
               HeatmapRenderer* heatmaps, const FigureTheme& theme, float scale, bool hovered) {
    const Network& network = session.trainer().network();
    const NetworkStats& stats = session.stats();
    const NetworkColors& colors = theme.network;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const std::size_t columns = layout.boxes.size();
    const std::vector<float>& grid = session.node_grid();
    const std::size_t cells = kNeuronGrid * kNeuronGrid;
    std::size_t node = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        for (std::size_t k = 0; k < layout.boxes[c].size(); ++k, ++node) {
            const NodeBox& box = layout.boxes[c][k];
            const bool hidden = c > 0 && c + 1 < columns;
            const NeuronStats* s = nullptr;
            if (c > 0 && c - 1 < stats.layers.size() && k < stats.layers[c - 1].neurons.size())
                s = &stats.layers[c - 1].neurons[k];
            const bool dead = hidden && s && s->dead;
            const bool dying = hidden && s && s->dying;
            if (grid.size() >= (node + 1) * cells) {
                HeatmapStyle style;
                style.colors = colors;
                style.greyed = dead;
                if (c + 1 == columns && network.IsSoftmax()) {
                    // An output neuron of a softmax: its own class's probability p_k, 0 neutral, 1 full.
                    style.classes = 1;
                    style.class_colors[0] = PaletteColor(theme, k);
                }
                DrawHeatmap(heatmaps, draw,
                            {grid.data() + node * cells, kNeuronGrid, node, session.heatmap_updates()},
                            box.p0, box.p1, style);
            }
            if (dead) {
                draw->AddRect({box.p0.x - 2 * scale, box.p0.y - 2 * scale},
                              {box.p1.x + 2 * scale, box.p1.y + 2 * scale}, U32(colors.dead), 0.0f,
                              ImDrawFlags_None, 3.0f * scale);
                if (layout.badges)
                    Badge(draw, {box.p0.x - 2 * scale, box.p0.y - 2 * scale}, "dead", colors.dead,
                          colors.badge_text, scale);
            } else if (dying) {
                DashedRect(draw, {box.p0.x - 2 * scale, box.p0.y - 2 * scale},
                           {box.p1.x + 2 * scale, box.p1.y + 2 * scale}, U32(colors.dying), 2.5f * scale,
                           5.0f * scale);
                if (layout.badges)
                    Badge(draw, {box.p0.x - 2 * scale, box.p0.y - 2 * scale}, "dying", colors.dying,
                          colors.badge_text, scale);
            } else {
                draw->AddRect(box.p0, box.p1, U32(theme.frame));
            }
            if (c == 0) {
                const std::string name(FeatureName(network.inputs[k]));
                const ImVec2 t = ImGui::CalcTextSize(name.c_str());
                draw->AddText({box.p0.x - t.x - 6.0f * scale, (box.p0.y + box.p1.y - t.y) / 2},
                              U32(theme.text), name.c_str());
                RecordText(name, {box.p0.x - t.x - 6.0f * scale, (box.p0.y + box.p1.y - t.y) / 2});
            }
            if (s) {
                // The gradient bar: mean |∂E/∂z| on a log scale, under the heatmap.
                const float y = box.p1.y + layout.bar_gap;
                const float h = layout.bar_height;
                draw->AddRectFilled({box.p0.x, y}, {box.p1.x, y + h}, U32(theme.grid));
                const float f = GradientBarFraction(s->mean_abs_delta);
                if (f > 0.0f)
                    draw->AddRectFilled({box.p0.x, y}, {box.p0.x + (box.p1.x - box.p0.x) * f, y + h},
                                        U32(theme.palette[2]));
            }
            if (hovered && box.Contains(mouse)) {
                if (c == 0) {
                    ImGui::SetTooltip("input %s: its value over the plane [\u22126, 6]\u00b2",
                                      std::string(FeatureName(network.inputs[k])).c_str());
                } else {
                    NodeTooltip(network, stats, c - 1, k);
                }
            }
        }
    }
}

// The hovered edge's weight and its full-batch gradient (computed by the session when the weight or
// the network changes; shown from the frame after the pointer arrives).
void EdgeTooltip(const NetworkSession& session, const session::WeightIndex& edge, double learning_rate) {
    const std::optional<session::WeightGradient>& computed = session.hovered_gradient();
    if (!computed || !(computed->weight == edge)) return;
    const Network& network = session.trainer().network();
    const double w = network.layers[edge.layer].Weight(edge.neuron, edge.input);
    const double g = computed->gradient;
    ImGui::BeginTooltip();
    ImGui::Text("w(%s\u2192%s) = %s", InputName(network, edge.layer, edge.input).c_str(),
                NodeName(network, edge.layer, edge.neuron).c_str(), FormatReadout(w, 4).c_str());
    ImGui::Text("\u2202L/\u2202w = %s  (mean over the training set)", FormatReadout(g, 4).c_str());
    ImGui::Text("next full-batch update: w \u2212 \u03b7\u00b7\u2202L/\u2202w = %s",
                FormatReadout(w - learning_rate * g, 4).c_str());
    ImGui::TextDisabled("Click to open it in the chain-rule inspector.");
    ImGui::EndTooltip();
}

// The legend of a softmax output under the surface: a swatch and the name of each class, centred in
// `width` ("class 0" …, or just the index when the names do not fit).
void DrawClassLegend(ImDrawList* draw, const std::array<Color, kMaxClassColors>& class_colors,
                     std::size_t classes, ImVec2 at, float width, const FigureTheme& theme) {
    const float line = ImGui::GetTextLineHeight();
    const float swatch = line * 0.7f, gap = line * 0.3f, spacing = line * 0.8f;
    for (const bool long_names : {true, false}) {
        std::vector<std::string> names;
        // Short: "class" once, then the bare indices.
        const char* prefix = long_names ? "" : "class";
        float total = long_names ? 0.0f : ImGui::CalcTextSize(prefix).x + gap;
        for (std::size_t k = 0; k < classes; ++k) {
            names.push_back(long_names ? "class " + std::to_string(k) : std::to_string(k));
            total += swatch + gap + ImGui::CalcTextSize(names.back().c_str()).x + (k > 0 ? spacing : 0.0f);
        }
        if (total > width && long_names) continue;
        float x = at.x + std::max((width - total) / 2, 0.0f);
        if (!long_names) {
            draw->AddText({x, at.y}, U32(theme.text), prefix);
            RecordText(prefix, {x, at.y});
            x += ImGui::CalcTextSize(prefix).x + gap;
        }
        for (std::size_t k = 0; k < classes; ++k) {
            const float top = at.y + (line - swatch) / 2;
            draw->AddRectFilled({x, top}, {x + swatch, top + swatch}, U32(class_colors[k % kMaxClassColors]));
            draw->AddRect({x, top}, {x + swatch, top + swatch}, U32(theme.frame));
            x += swatch + gap;
            draw->AddText({x, at.y}, U32(theme.text), names[k].c_str());
            RecordText(names[k], {x, at.y});
            x += ImGui::CalcTextSize(names[k].c_str()).x + spacing;
        }
        return;
    }
}

// The point under the pointer, with the network's output there (every class's probability for softmax).
void SurfaceTooltip(const Network& network, ImVec2 p0, float side) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const double x1 = kPlaneLo + static_cast<double>((m.x - p0.x) / side) * (kPlaneHi - kPlaneLo);
    const double x2 = kPlaneHi - static_cast<double>((m.y - p0.y) / side) * (kPlaneHi - kPlaneLo);
    std::string text = "x1 = " + FormatReadout(x1, 3) + ", x2 = " + FormatReadout(x2, 3);
    const std::vector<double> outputs = PredictOutputs(network, x1, x2);
    if (network.IsSoftmax()) {
        for (std::size_t k = 0; k < outputs.size(); ++k)
            text += "\np(class " + std::to_string(k) + ") = " + FormatReadout(outputs[k], 3);
    } else if (!outputs.empty()) {
        text += "\noutput = " + FormatReadout(outputs.front(), 4);
    }
    ImGui::SetTooltip("%s", text.c_str());
}

} // namespace

void DrawNetworkGraph(AppState& state, UiRuntime& runtime, ImVec2 size) {
    NetworkSession& session = runtime.session.network;
    if (!session.ready()) return;
    const Network& network = session.trainer().network();
    const float scale = runtime.Scale(state);
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##graph", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);

    const GraphLayout layout = LayOutGraph(network, origin, size, scale);
    DrawColumnHeadings(draw, network, layout, theme);
    const std::optional<session::WeightIndex> hit =
        DrawEdges(draw, network, layout, state.network.selection, theme, scale, hovered);
    DrawNodes(draw, session, layout, runtime.heatmaps.get(), theme, scale, hovered);
    if (LayoutRecorder* recorder = ActiveRecorder()) {
        const NodeBox nodes = NodesExtent(layout);
        recorder->BeginRegion("network.graph.nodes", nodes.p0, nodes.p1);
        recorder->EndRegion();
    }
    if (!hit) return;
    session.HoverWeight(*hit); // the session computes its gradient for the tooltip
    EdgeTooltip(session, *hit, state.network.learning_rate);
    if (clicked) {
        state.network.selection.valid = true;
        state.network.selection.layer = hit->layer;
        state.network.selection.neuron = hit->neuron;
        state.network.selection.input = hit->input;
        state.panels.chain_rule = true;
        session.RequestZeroFactorSample();
    }
}

void DrawDecisionSurface(AppState& state, UiRuntime& runtime, float side) {
    NetworkSession& session = runtime.session.network;
    if (!session.ready()) return;
    const float scale = runtime.Scale(state);
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const NetworkColors& colors = theme.network;
    const Network& network = session.trainer().network();
    const bool softmax = network.IsSoftmax();
    const std::size_t classes = softmax ? network.Output().size : 0;
    const std::array<Color, kMaxClassColors> class_colors = ClassColors(theme);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1{p0.x + side, p0.y + side};
    ImGui::InvisibleButton("##surface", {side, side},
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    if (LayoutRecorder* recorder = ActiveRecorder()) { // the plane alone, for the layout checks
        recorder->BeginRegion("network.output.plane", p0, p1);
        recorder->EndRegion();
    }
    const std::vector<float>& grid = session.output_grid();
    // A sigmoid output lies in (0, 1): centre its colours on the 0.5 threshold.
    const bool sigmoid = !softmax && state.network.output == ActivationId::Sigmoid;
    if (grid.size() == std::max<std::size_t>(classes, 1) * kOutputGrid * kOutputGrid) {
        HeatmapStyle style;
        style.colors = colors;
        if (sigmoid) {
            style.value_scale = 2.0f;
            style.value_offset = -1.0f;
        }
        if (softmax) {
            // Each point in its most likely class's colour, the probability as intensity: a tie of all K
            // classes (p = 1/K) is neutral, certainty (p = 1) the full colour.
            style.classes = classes;
            style.class_colors = class_colors;
            style.probability_floor = 1.0f / static_cast<float>(classes);
        }
        DrawHeatmap(runtime.heatmaps.get(), draw,
                    {grid.data(), kOutputGrid, kOutputHeatmapSlot, session.heatmap_updates()}, p0, p1, style);
    }
    draw->AddRect(p0, p1, U32(theme.frame));
    if (state.network.linear_regions) DrawLinearRegionsOverlay(state, runtime, draw, p0, side);
    const auto to_screen = [&](double x1, double x2) {
        return ImVec2{p0.x + static_cast<float>((x1 - kPlaneLo) / (kPlaneHi - kPlaneLo)) * side,
                      p0.y + static_cast<float>((kPlaneHi - x2) / (kPlaneHi - kPlaneLo)) * side};
    };
    const float radius = std::clamp(side / 80.0f, 3.0f * scale, 6.0f * scale);
    const auto label_color = [&](double y) {
        if (softmax) return class_colors[ClassIndex(y, classes) % kMaxClassColors];
        const float v = sigmoid ? static_cast<float>(2.0 * y - 1.0) : static_cast<float>(y);
        const Color c = v >= 0.0f ? colors.positive : colors.negative;
        return std::abs(v) >= 0.999f ? c : HeatColor(colors, v * 1.0f);
    };
    draw->PushClipRect(p0, p1, true);
    const std::vector<Sample>& train = session.trainer().train();
    const std::vector<Sample>& test = session.trainer().test();
    GeometryKey key;
    key.Add(p0)
        .Add(side)
        .Add(radius)
        .Add(scale)
        .Add(colors)
        .Add(sigmoid)
        .Add(classes)
        .Add(class_colors[0])
        .Add(ImGui::GetFontTexUvWhitePixel())
        .Add(draw->Flags);
    key.Add(session.data_version());
    if (!runtime.surface_points.Replay(draw, key.value())) {
        runtime.surface_points.BeginRecording(draw);
        for (const Sample& s : train) {
            const ImVec2 p = to_screen(s.x1, s.x2);
            draw->AddCircleFilled(p, radius + 1.0f * scale, U32(colors.point_outline));
            draw->AddCircleFilled(p, radius, U32(label_color(s.y)));
        }
        for (const Sample& s : test) {
            const ImVec2 p = to_screen(s.x1, s.x2);
            draw->AddCircle(p, radius + 0.5f * scale, U32(colors.point_outline), 0, 3.5f * scale);
            draw->AddCircle(p, radius + 0.5f * scale, U32(label_color(s.y)), 0, 2.0f * scale);
        }
        runtime.surface_points.EndRecording(draw, key.value());
    }
    draw->PopClipRect();
    EditUserPoints(state, runtime, draw, p0, side); // the plane's button is still the last item
    // Axis extents at the corners: the plane is always [−6, 6]².
    const std::string lo = FormatReadout(kPlaneLo, 2), hi = FormatReadout(kPlaneHi, 2);
    draw->AddText({p0.x, p1.y + 2.0f * scale}, U32(theme.dim_text), lo.c_str());
    RecordText(lo, {p0.x, p1.y + 2.0f * scale});
    const ImVec2 t = ImGui::CalcTextSize(hi.c_str());
    draw->AddText({p1.x - t.x, p1.y + 2.0f * scale}, U32(theme.dim_text), hi.c_str());
    RecordText(hi, {p1.x - t.x, p1.y + 2.0f * scale});
    // The class legend in a row of its own under the corner labels (the view keeps room for it).
    if (softmax)
        DrawClassLegend(draw, class_colors, classes, {p0.x, p1.y + 4.0f * scale + ImGui::GetTextLineHeight()},
                        side, theme);
    ImGui::Dummy(
        {side, ImGui::GetTextLineHeight() * (softmax ? 2.0f : 1.0f) + (softmax ? 2.0f * scale : 0.0f)});
    if (hovered) SurfaceTooltip(network, p0, side);
}

} // namespace actlab::ui
