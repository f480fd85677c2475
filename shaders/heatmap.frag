// The diverging colour map of the network panel, the same formula as HeatColor (render/heat_color.h):
// v ↦ neutral + t·(positive − neutral) for t = clamp(v, −1, 1) ≥ 0, neutral + |t|·(negative −
// neutral) below; non-finite values grey; a dead neuron's map greyed to its luminance pulled
// halfway to mid grey. Colours are in 0–255, as the theme stores them.
#version 330 core

uniform sampler2D u_values;  // one float per cell, R32F
uniform vec4 u_negative;
uniform vec4 u_neutral;
uniform vec4 u_positive;
uniform float u_value_scale;   // v = scale · texel + offset (a sigmoid output centred on 0.5)
uniform float u_value_offset;
uniform int u_greyed;
// A class map (u_classes = K > 0): the texture holds K probability maps stacked top to bottom, each
// n rows; a point takes its most likely class's colour with the probability as intensity, as
// ClassMapColor (render/heat_color.h): t = clamp((p − floor)/(1 − floor), 0, 1).
uniform int u_classes;
uniform vec4 u_class_colors[8];
uniform float u_floor;

in vec2 v_texcoord;
out vec4 frag_color;

vec4 ClassColor() {
    // v_texcoord.y stays between the outer cell centres of a map, so the linear filter of map k
    // never reaches into its neighbours' rows.
    float best_p = -1.0;
    int best = 0;
    for (int k = 0; k < u_classes; ++k) {
        float p = texture(u_values, vec2(v_texcoord.x, (float(k) + v_texcoord.y) / float(u_classes))).r;
        if (p > best_p) {
            best_p = p;
            best = k;
        }
    }
    if (isnan(best_p) || isinf(best_p)) return vec4(128.0, 128.0, 128.0, 255.0);
    float t = u_floor < 1.0 ? clamp((best_p - u_floor) / (1.0 - u_floor), 0.0, 1.0) : 1.0;
    return floor(mix(u_neutral, u_class_colors[best], t) + 0.5);
}

void main() {
    if (u_classes > 0) {
        frag_color = ClassColor() / 255.0;
        return;
    }
    float v = u_value_scale * texture(u_values, v_texcoord).r + u_value_offset;
    vec4 c;
    if (isnan(v) || isinf(v)) {
        c = vec4(128.0, 128.0, 128.0, 255.0);
    } else {
        float t = clamp(v, -1.0, 1.0);
        c = t >= 0.0 ? mix(u_neutral, u_positive, t) : mix(u_neutral, u_negative, -t);
        c = floor(c + 0.5);  // the CPU map rounds to bytes before greying
        if (u_greyed != 0) {
            // Rec. 709 luminance Y = 0.2126 R + 0.7152 G + 0.0722 B.
            float y = floor(clamp(dot(c.rgb, vec3(0.2126, 0.7152, 0.0722)), 0.0, 255.0) + 0.5);
            c = vec4(mix(vec3(y), vec3(128.0), 0.5), 255.0);
        }
    }
    frag_color = c / 255.0;
}
