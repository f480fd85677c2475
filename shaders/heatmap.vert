// A heatmap quad drawn without vertex buffers: the four corners come from gl_VertexID (a triangle
// strip), placed at u_rect (x0, y0, x1, y1 in normalised device coordinates).
#version 330 core

uniform vec4 u_rect;
uniform float u_cells;  // cells per side of the value texture

out vec2 v_texcoord;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    // The quad's edges sit on the outer cell centres, like the CPU mesh with one vertex per cell
    // centre: t = (u·(n − 1) + ½) / n. Row 0 of the texture is the top of the quad.
    v_texcoord = (corner * (u_cells - 1.0) + 0.5) / u_cells;
    gl_Position = vec4(mix(u_rect.xy, u_rect.zw, corner), 0.0, 1.0);
}
