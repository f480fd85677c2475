#!/usr/bin/python3
"""Independent float64 reference of the mini network's training with sgd, momentum and adam.

Writes tests/data/optimizer_reference.txt, which tests/network_optimizer_test.cpp compares the C++
trainer's final parameters against (within 1e-9). The training here is written from the formulas
alone, in plain Python floats (IEEE binary64) with no numpy and no ActLab code: forward pass,
back-propagation, and the optimizers with PyTorch's semantics:

    g   = mean over the batch of dE/dtheta + l2 * theta   (l2 on weights only: weight_decay of a
                                                          parameter group holding the weights)
    sgd       theta <- theta - lr * g
    momentum  buf <- mu * buf + g  (buf starts at 0, so the first buf is g; no dampening, no Nesterov)
              theta <- theta - lr * buf
    adam      m <- b1 m + (1 - b1) g ;  v <- b2 v + (1 - b2) g^2
              theta <- theta - (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)

Losses: softmax + cross-entropy (E = logsumexp(z) - z_y), sigmoid + binary cross-entropy
(E = softplus(z) - y z), linear + mse (E = (yhat - y)^2 / 2).

How to run (the table is committed; run again only if the cases change):

    /usr/bin/python3 scripts/reference/make_optimizer_reference.py > tests/data/optimizer_reference.txt

Table format: one line per case, `case optimizer value value ...`; the values are the final
parameters layer by layer, each layer's weights row by row (neuron j, input i) then its biases, in
repr() form (shortest round-trip).
"""
import math

# The data: 12 points on the plane, classes 0, 1, 2 in turn; batches are consecutive samples in
# order, wrapping around (actlab's --no-shuffle).
SAMPLES = [(((i % 4) - 1.5) * 1.3, ((i // 4) - 1) * 1.7 + 0.1 * i, i % 3) for i in range(12)]
BATCH = 4
STEPS = 25
L2 = 0.01

# Starting parameters: hidden layer 2 -> 3, output layer 3 -> K.
W1 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]
B1 = [0.1, -0.2, 0.05]
W2_SOFTMAX = [[0.3, -0.5, 0.2], [-0.4, 0.1, 0.6], [0.2, 0.7, -0.3]]
B2_SOFTMAX = [0.0, 0.1, -0.1]
W2_SINGLE = [[0.3, -0.5, 0.2]]
B2_SINGLE = [0.05]


def relu(z):
    return z if z > 0.0 else 0.0


def relu_d(z):
    return 1.0 if z > 0.0 else 0.0


HIDDEN = {"tanh": (math.tanh, lambda z: 1.0 - math.tanh(z) ** 2), "relu": (relu, relu_d)}


def sample_gradient(params, hidden, output, x1, x2, y):
    """Loss and gradients of one sample: (E, [dW1, dB1, dW2, dB2])."""
    w1, b1, w2, b2 = params
    f, df = HIDDEN[hidden]
    x = [x1, x2]
    z1 = [b1[j] + sum(w1[j][i] * x[i] for i in range(2)) for j in range(3)]
    a1 = [f(z) for z in z1]
    z2 = [b2[k] + sum(w2[k][j] * a1[j] for j in range(3)) for k in range(len(w2))]
    if output == "softmax":
        m = max(z2)
        exps = [math.exp(z - m) for z in z2]
        total = sum(exps)
        loss = m + math.log(total) - z2[y]
        delta2 = [e / total - (1.0 if k == y else 0.0) for k, e in enumerate(exps)]
    elif output == "sigmoid":
        z = z2[0]
        loss = max(z, 0.0) + math.log1p(math.exp(-abs(z))) - y * z
        delta2 = [1.0 / (1.0 + math.exp(-z)) - y]
    else:  # linear, mse
        loss = 0.5 * (z2[0] - y) ** 2
        delta2 = [z2[0] - y]
    up1 = [sum(w2[k][j] * delta2[k] for k in range(len(w2))) for j in range(3)]
    delta1 = [up1[j] * df(z1[j]) for j in range(3)]
    gw1 = [[delta1[j] * x[i] for i in range(2)] for j in range(3)]
    gw2 = [[delta2[k] * a1[j] for j in range(3)] for k in range(len(w2))]
    return loss, [gw1, delta1, gw2, delta2]


def flatten(params):
    w1, b1, w2, b2 = params
    return [v for row in w1 for v in row] + list(b1) + [v for row in w2 for v in row] + list(b2)


def unflatten(flat, outputs):
    w1 = [flat[0:2], flat[2:4], flat[4:6]]
    b1 = flat[6:9]
    w2 = [flat[9 + 3 * k: 12 + 3 * k] for k in range(outputs)]
    b2 = flat[9 + 3 * outputs: 9 + 4 * outputs]
    return [w1, b1, w2, b2]


def train(case):
    name, hidden, output, optimizer, lr = case
    outputs = 3 if output == "softmax" else 1
    w2, b2 = (W2_SOFTMAX, B2_SOFTMAX) if outputs == 3 else (W2_SINGLE, B2_SINGLE)
    theta = flatten([W1, B1, w2, b2])
    # Which entries are weights (decayed by l2): not the biases.
    is_weight = [True] * 6 + [False] * 3 + [True] * (3 * outputs) + [False] * outputs
    buf = [0.0] * len(theta)
    m = [0.0] * len(theta)
    v = [0.0] * len(theta)
    cursor = 0
    for t in range(1, STEPS + 1):
        params = unflatten(theta, outputs)
        gsum = [0.0] * len(theta)
        for _ in range(BATCH):
            x1, x2, label = SAMPLES[cursor]
            cursor = (cursor + 1) % len(SAMPLES)
            y = label if output == "softmax" else (1.0 if label == 0 else 0.0) if output == "sigmoid" else 0.5 * label - 0.5
            _, grads = sample_gradient(params, hidden, output, x1, x2, y)
            for k, g in enumerate(flatten(grads)):
                gsum[k] += g
        for k in range(len(theta)):
            g = gsum[k] / BATCH + (L2 * theta[k] if is_weight[k] else 0.0)
            if optimizer == "sgd":
                theta[k] -= lr * g
            elif optimizer == "momentum":
                buf[k] = 0.9 * buf[k] + g
                theta[k] -= lr * buf[k]
            else:
                m[k] = 0.9 * m[k] + (1.0 - 0.9) * g
                v[k] = 0.999 * v[k] + (1.0 - 0.999) * g * g
                step_size = lr / (1.0 - 0.9 ** t)
                theta[k] -= step_size * m[k] / (math.sqrt(v[k]) / math.sqrt(1.0 - 0.999 ** t) + 1e-8)
    return theta


CASES = []
for hidden, output in (("tanh", "softmax"), ("relu", "sigmoid"), ("tanh", "linear")):
    for optimizer, lr in (("sgd", 0.1), ("momentum", 0.05), ("adam", 0.02)):
        CASES.append((hidden + "_" + output, hidden, output, optimizer, lr))

if __name__ == "__main__":
    for case in CASES:
        print(case[0], case[3], " ".join(repr(v) for v in train(case)))
