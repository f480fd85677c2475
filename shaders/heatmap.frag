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

in vec2 v_texcoord;
out vec4 frag_color;

void main() {
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
