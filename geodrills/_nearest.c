/*
 * geodrills._nearest -- the nearest border segment of many points, exactly, in C.
 *
 * The Python side (geodrills/borders.py, _build_hierarchy) builds a
 * hierarchy of axis-aligned bounding boxes over the densified border segments
 * in WGS84 earth-centred coordinates (km); this module only walks it.  For
 * each point it finds the segment at the least straight-line (chord) distance
 * -- the same criterion and the same arithmetic as BorderData._nearest_k's
 * numpy path -- and the foot on it; pyproj computes the geodesic afterwards.
 *
 * Why C: a scipy k-d tree query alone took longer than the whole per-point
 * budget.  Why plain C against the buffer protocol: building it needs nothing
 * but a C compiler (no numpy headers, no Cython), and the package still works
 * without it (borders.py falls back to numpy/scipy).
 *
 * Exactness: a node is skipped only when the distance from the point to its
 * box exceeds the best chord found so far, and every segment that is not
 * skipped is measured, so the answer is the true minimum whatever the
 * visiting order.  Visiting order and the warm start (the previous point's
 * segment, when the points come in spatial order) only make it fast.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define MAX_CHILDREN 8
#define MAX_DEPTH 48
#define SEG_STRIDE 8 /* a (3), b - a (3), 1 / |b - a|^2, unused: one cache line per segment */

static const double A_KM = 6378.137; /* WGS84, as borders._ecef */
static const double E2 = 6.69437999014e-3;

/* --------------------------------------------------------------------------- buffers */

enum kind { F64, I64, I32 };

static const char *kind_name(enum kind k)
{
    return k == F64 ? "float64" : (k == I64 ? "int64" : "int32");
}

static int format_is(const Py_buffer *v, enum kind k)
{
    const char *f = v->format ? v->format : "B";
    if (*f == '@' || *f == '=' || *f == (PY_LITTLE_ENDIAN ? '<' : '>'))
        f++;
    if (f[0] == '\0' || f[1] != '\0')
        return 0;
    switch (k) {
    case F64: return v->itemsize == 8 && f[0] == 'd';
    case I64: return v->itemsize == 8 && (f[0] == 'q' || f[0] == 'l');
    case I32: return v->itemsize == 4 && (f[0] == 'i' || f[0] == 'l');
    }
    return 0;
}

/* Get a C-contiguous buffer of `k` items; `len` >= 0 demands that many items. */
static int get_buffer(PyObject *obj, Py_buffer *v, const char *name, enum kind k, int writable, Py_ssize_t len)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, v, flags) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s must be a C-contiguous%s %s array, got %.100s", name,
                     writable ? ", writable" : "", kind_name(k), Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (!format_is(v, k)) {
        PyErr_Format(PyExc_TypeError, "%s must hold %s, got format '%s' (itemsize %zd)", name, kind_name(k),
                     v->format ? v->format : "B", v->itemsize);
        PyBuffer_Release(v);
        return -1;
    }
    if (len >= 0 && v->len / v->itemsize != len) {
        PyErr_Format(PyExc_ValueError, "%s has %zd items, expected %zd", name, v->len / v->itemsize, len);
        PyBuffer_Release(v);
        return -1;
    }
    return 0;
}

/* --------------------------------------------------------------------------- the hierarchy */

typedef struct {
    const double *box;      /* (6, nodes + MAX_CHILDREN): lowest x, y, z, highest x, y, z (km), one row
                               each so that a node's children are six short contiguous runs; the
                               padding (+inf lowest, -inf highest) lets every node read 8 children */
    Py_ssize_t stride;      /* nodes + MAX_CHILDREN */
    const int32_t *child;   /* (nodes, 2): first child and count; a leaf's children are segments */
    Py_ssize_t n_nodes;     /* nodes [0, n_leaves) are leaves; the root is the last node */
    Py_ssize_t n_leaves;
    const double *seg;      /* (segments, SEG_STRIDE) */
    const int64_t *vertex;  /* (segments,): the segment's first vertex in the index */
    Py_ssize_t n_segs;
} Tree;

/* Check the structure so that a walk can neither read out of bounds nor loop or overflow its stack. */
static int check_tree(const Tree *T, Py_ssize_t n_vertices)
{
    if (T->n_nodes < 1 || T->n_leaves < 1 || T->n_leaves > T->n_nodes)
        return PyErr_Format(PyExc_ValueError, "bad hierarchy: %zd nodes, %zd leaves", T->n_nodes, T->n_leaves), -1;
    for (Py_ssize_t s = 0; s < T->n_segs; s++) {
        if (T->vertex[s] < 0 || T->vertex[s] + 1 >= n_vertices)
            return PyErr_Format(PyExc_ValueError, "segment %zd starts at vertex %lld, outside 0..%zd", s,
                                (long long)T->vertex[s], n_vertices - 2), -1;
    }
    unsigned char *depth = PyMem_Calloc((size_t)T->n_nodes, 1);
    if (!depth)
        return PyErr_NoMemory(), -1;
    int ok = 1;
    for (Py_ssize_t i = 0; i < T->n_nodes && ok; i++) {
        int64_t first = T->child[2 * i], count = T->child[2 * i + 1];
        if (i < T->n_leaves) {
            ok = first >= 0 && count >= 0 && first + count <= T->n_segs;
        } else {
            /* children come before their parent: the walk terminates, and depth is computable */
            ok = first >= 0 && count >= 1 && count <= MAX_CHILDREN && first + count <= i;
            for (int64_t c = first; ok && c < first + count; c++)
                if (depth[c] + 1 > depth[i])
                    depth[i] = (unsigned char)(depth[c] + 1);
            ok = ok && depth[i] < MAX_DEPTH;
        }
        if (!ok)
            PyErr_Format(PyExc_ValueError, "bad hierarchy node %zd: children %lld..%lld, or deeper than %d", i,
                         (long long)first, (long long)(first + count), MAX_DEPTH);
    }
    PyMem_Free(depth);
    return ok ? 0 : -1;
}

/* t clamped to [0, 1] as np.clip does (but -0.0 gives 0.0), without a branch: whether a point's
   foot falls inside a segment is data-dependent, and mispredicted branches cost more than the
   arithmetic here.  Compilers keep the plain C form as branches (it keeps NaN and -0.0 apart). */
static inline double clamp01(double t)
{
#if defined(__SSE2__)
    return _mm_cvtsd_f64(_mm_min_sd(_mm_max_sd(_mm_set_sd(t), _mm_setzero_pd()), _mm_set_sd(1.0)));
#else
    return t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
#endif
}

/* The same arithmetic, in the same order, as BorderData._nearest_k. */
static inline double seg_d2(const double *s, double qx, double qy, double qz, double *t_out)
{
    double px = qx - s[0], py = qy - s[1], pz = qz - s[2];
    double t = (px * s[3] + py * s[4] + pz * s[5]) * s[6];
    t = clamp01(t);
    px -= t * s[3];
    py -= t * s[4];
    pz -= t * s[5];
    *t_out = t;
    return px * px + py * py + pz * pz;
}

typedef struct {
    Py_ssize_t seg; /* position in T->seg, -1 for none */
    double d2, t;
} Best;

/* Measure segments [first, end) and keep the nearest; as near counts as better when earlier in the
   index, so the answer never depends on the warm start.  Selects without branches: whether a
   segment is nearer is data-dependent and would often be mispredicted. */
static inline void scan_leaf(const Tree *T, int32_t first, int32_t end, double qx, double qy, double qz,
                             Best *b)
{
    double bd2 = b->d2, bt = b->t;
    Py_ssize_t bs = b->seg;
    int64_t bv = bs >= 0 ? T->vertex[bs] : INT64_MAX;
    for (int32_t s = first; s < end; s++) {
        double t, d2 = seg_d2(T->seg + (Py_ssize_t)s * SEG_STRIDE, qx, qy, qz, &t);
        int64_t v = T->vertex[s];
        int take = (d2 < bd2) | ((d2 == bd2) & (v < bv));
        bd2 = take ? d2 : bd2;
        bt = take ? t : bt;
        bs = take ? s : bs;
        bv = take ? v : bv;
    }
    b->d2 = bd2;
    b->t = bt;
    b->seg = bs;
}

/* Distance from v to the interval [lo, hi], as (|v - lo| + |v - hi| - (hi - lo)) / 2: no comparison,
   so no branch to mispredict.  Rounding moves it by ~1e-12 km; the boxes have 1e-9 km to spare. */
static inline double gap(double lo, double v, double hi)
{
    return 0.5 * (fabs(v - lo) + fabs(v - hi) - (hi - lo));
}

static void search(const Tree *T, double qx, double qy, double qz, Best *b)
{
    struct { int32_t node; double lb2; } stack[MAX_CHILDREN * MAX_DEPTH + 1];
    int sp = 0;
    stack[sp].node = (int32_t)(T->n_nodes - 1);
    stack[sp++].lb2 = 0.0;
    while (sp) {
        sp--;
        if (!(stack[sp].lb2 <= b->d2))
            continue; /* the bound shrank since this node was pushed */
        int32_t node = stack[sp].node;
        int32_t first = T->child[2 * node], end = first + T->child[2 * node + 1];
        if (node < T->n_leaves) {
            scan_leaf(T, first, end, qx, qy, qz, b);
            continue;
        }
        /* the bounds of all 8 children at once (a fixed count the compiler vectorises; the
           padding after the last node makes reading 8 safe) */
        double lb2[MAX_CHILDREN];
        const double *lx = T->box + first, *ly = lx + T->stride, *lz = ly + T->stride;
        const double *hx = lz + T->stride, *hy = hx + T->stride, *hz = hy + T->stride;
        for (int j = 0; j < MAX_CHILDREN; j++) {
            double dx = gap(lx[j], qx, hx[j]), dy = gap(ly[j], qy, hy[j]), dz = gap(lz[j], qz, hz[j]);
            lb2[j] = dx * dx + dy * dy + dz * dz;
        }
        /* keep the children that may hold something nearer, without a branch per child (it would
           often be mispredicted), and push them farthest first, so the nearest is popped next */
        int32_t cn[MAX_CHILDREN];
        double cl[MAX_CHILDREN];
        int nc = 0;
        for (int j = 0; j < end - first; j++) {
            cn[nc] = first + j;
            cl[nc] = lb2[j];
            nc += lb2[j] <= b->d2;
        }
        for (int j = 1; j < nc; j++) {
            int32_t c = cn[j];
            double d = cl[j];
            int k = j;
            for (; k > 0 && cl[k - 1] < d; k--) {
                cl[k] = cl[k - 1];
                cn[k] = cn[k - 1];
            }
            cl[k] = d;
            cn[k] = c;
        }
        for (int j = 0; j < nc; j++) {
            stack[sp].node = cn[j];
            stack[sp++].lb2 = cl[j];
        }
    }
}

/* Points [0, n) in this order, each starting from the previous one's segment. */
static void run(const Tree *T, const double *xyz, const double *lat, const double *lon, Py_ssize_t n,
                double cutoff2, int64_t *out_v, double *out_t, double *out_lat, double *out_lon)
{
    const double rad = M_PI / 180.0, deg = 180.0 / M_PI;
    Py_ssize_t prev = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        Best best = {-1, cutoff2, 0.0};
        if (!isnan(lat[i]) && !isnan(lon[i])) {
            /* WGS84 earth-centred coordinates, km, as borders._ecef */
            double la = lat[i] * rad, lo = lon[i] * rad;
            double sl = sin(la), nr = A_KM / sqrt(1 - E2 * sl * sl), c = nr * cos(la);
            double qx = c * cos(lo), qy = c * sin(lo), qz = nr * (1 - E2) * sl;
            if (prev >= 0)
                scan_leaf(T, (int32_t)prev, (int32_t)prev + 1, qx, qy, qz, &best);
            search(T, qx, qy, qz, &best);
        }
        if (best.seg < 0) {
            out_v[i] = -1;
            out_t[i] = 0.0;
            out_lat[i] = out_lon[i] = NAN;
            continue;
        }
        prev = best.seg;
        /* the foot as the numpy path computes it: normalised (1 - t) xyz[v] + t xyz[v + 1] */
        int64_t v = T->vertex[best.seg];
        const double *a = xyz + 3 * v, *e = a + 3, t = best.t;
        double fx = (1 - t) * a[0] + t * e[0], fy = (1 - t) * a[1] + t * e[1], fz = (1 - t) * a[2] + t * e[2];
        double norm = sqrt(fx * fx + fy * fy + fz * fz);
        fx /= norm;
        fy /= norm;
        fz /= norm;
        out_v[i] = v;
        out_t[i] = t;
        out_lat[i] = atan2(fz, hypot(fx, fy)) * deg;
        out_lon[i] = atan2(fy, fx) * deg;
    }
}

/* --------------------------------------------------------------------------- nearest() */

PyDoc_STRVAR(nearest_doc,
"nearest(lat, lon, order, box, child, n_leaves, seg, vertex, xyz, cutoff_km, out_vertex, out_t, out_lat, out_lon)\n"
"--\n\n"
"Nearest segment by 3-D chord for each point (degrees, WGS84) and the foot on it.\n\n"
"Points are visited in ``order`` (int64 permutation of range(n), or None); each\n"
"starts from the previous point's segment as an upper bound.  Writes, at each\n"
"point's own index: the segment's first vertex (-1 when no segment lies within\n"
"``cutoff_km`` or the point is NaN), t in [0, 1] along it, and the foot's\n"
"lat/lon (NaN for -1): the normalised (1 - t) xyz[v] + t xyz[v + 1].\n"
"The GIL is released while it runs.");

static PyObject *nearest(PyObject *Py_UNUSED(self), PyObject *args)
{
    PyObject *o_lat, *o_lon, *o_order, *o_box, *o_child, *o_seg, *o_vertex, *o_xyz;
    PyObject *o_out_v, *o_out_t, *o_out_lat, *o_out_lon;
    Py_ssize_t n_leaves;
    double cutoff;
    if (!PyArg_ParseTuple(args, "OOOOOnOOOdOOOO:nearest", &o_lat, &o_lon, &o_order, &o_box, &o_child,
                          &n_leaves, &o_seg, &o_vertex, &o_xyz, &cutoff, &o_out_v, &o_out_t, &o_out_lat,
                          &o_out_lon))
        return NULL;

    Py_buffer b[12];
    int held = 0;
    PyObject *result = NULL;
#define GET(obj, name, kind, writable, len)                                   \
    do {                                                                      \
        if (get_buffer((obj), &b[held], (name), (kind), (writable), (len)) < 0) \
            goto done;                                                        \
        held++;                                                               \
    } while (0)

    GET(o_lat, "lat", F64, 0, -1);
    Py_ssize_t n = b[0].len / 8;
    GET(o_lon, "lon", F64, 0, n);
    const int64_t *order = NULL;
    if (o_order != Py_None) {
        GET(o_order, "order", I64, 0, n);
        order = b[held - 1].buf;
    }
    GET(o_child, "child", I32, 0, -1);
    if (b[held - 1].len % 8) {
        PyErr_SetString(PyExc_ValueError, "child must hold 2 numbers per node");
        goto done;
    }
    Tree T;
    T.n_nodes = b[held - 1].len / 8;
    T.child = b[held - 1].buf;
    T.stride = T.n_nodes + MAX_CHILDREN;
    GET(o_box, "box", F64, 0, 6 * T.stride);
    T.box = b[held - 1].buf;
    T.n_leaves = n_leaves;
    GET(o_seg, "seg", F64, 0, -1);
    if (b[held - 1].len % (8 * SEG_STRIDE)) {
        PyErr_Format(PyExc_ValueError, "seg must hold %d numbers per segment", SEG_STRIDE);
        goto done;
    }
    T.n_segs = b[held - 1].len / (8 * SEG_STRIDE);
    T.seg = b[held - 1].buf;
    GET(o_vertex, "vertex", I64, 0, T.n_segs);
    T.vertex = b[held - 1].buf;
    GET(o_xyz, "xyz", F64, 0, -1);
    if (b[held - 1].len % 24) {
        PyErr_SetString(PyExc_ValueError, "xyz must hold 3 numbers per vertex");
        goto done;
    }
    Py_ssize_t n_vertices = b[held - 1].len / 24;
    const double *xyz = b[held - 1].buf;
    GET(o_out_v, "out_vertex", I64, 1, n);
    int64_t *out_v = b[held - 1].buf;
    GET(o_out_t, "out_t", F64, 1, n);
    double *out_t = b[held - 1].buf;
    GET(o_out_lat, "out_lat", F64, 1, n);
    double *out_lat = b[held - 1].buf;
    GET(o_out_lon, "out_lon", F64, 1, n);
    double *out_lon = b[held - 1].buf;
#undef GET
    if (check_tree(&T, n_vertices) < 0)
        goto done;
    if (!(cutoff >= 0.0)) {
        PyErr_Format(PyExc_ValueError, "cutoff_km must be >= 0 (inf for none), got %R", PyTuple_GET_ITEM(args, 9));
        goto done;
    }
    if (order) {
        /* a permutation, so that every output is written once and nothing else is */
        unsigned char *seen = PyMem_Calloc((size_t)(n ? n : 1), 1);
        if (!seen) {
            PyErr_NoMemory();
            goto done;
        }
        for (Py_ssize_t k = 0; k < n; k++) {
            int64_t i = order[k];
            if (i < 0 || i >= n || seen[i]) {
                PyErr_Format(PyExc_ValueError, "order is not a permutation of range(%zd) (at position %zd: %lld)",
                             n, k, (long long)i);
                PyMem_Free(seen);
                goto done;
            }
            seen[i] = 1;
        }
        PyMem_Free(seen);
    }

    const double *lat = b[0].buf, *lon = b[1].buf;
    if (!order) {
        Py_BEGIN_ALLOW_THREADS
        run(&T, xyz, lat, lon, n, cutoff * cutoff, out_v, out_t, out_lat, out_lon);
        Py_END_ALLOW_THREADS
    } else {
        /* Gather the points into visiting order, walk them there, scatter the results back: in
           separate tight loops the random reads and writes overlap each other; inside the walk they
           would wait on one another (about a third of the kernel's time for 200,000 points). */
        double *tmp = PyMem_RawMalloc(((size_t)n ? (size_t)n : 1) * 6 * sizeof(double));
        if (!tmp) {
            PyErr_NoMemory();
            goto done;
        }
        double *s_lat = tmp, *s_lon = tmp + n, *s_t = tmp + 2 * n, *s_flat = tmp + 3 * n, *s_flon = tmp + 4 * n;
        int64_t *s_v = (int64_t *)(tmp + 5 * n);
        Py_BEGIN_ALLOW_THREADS
        for (Py_ssize_t k = 0; k < n; k++) {
            s_lat[k] = lat[order[k]];
            s_lon[k] = lon[order[k]];
        }
        run(&T, xyz, s_lat, s_lon, n, cutoff * cutoff, s_v, s_t, s_flat, s_flon);
        for (Py_ssize_t k = 0; k < n; k++) {
            Py_ssize_t i = (Py_ssize_t)order[k];
            out_v[i] = s_v[k];
            out_t[i] = s_t[k];
            out_lat[i] = s_flat[k];
            out_lon[i] = s_flon[k];
        }
        Py_END_ALLOW_THREADS
        PyMem_RawFree(tmp);
    }
    result = Py_NewRef(Py_None);
done:
    while (held > 0)
        PyBuffer_Release(&b[--held]);
    return result;
}

static PyMethodDef methods[] = {
    {"nearest", nearest, METH_VARARGS, nearest_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "geodrills._nearest",
    "Exact nearest border segment by 3-D chord, over a bounding-box hierarchy (see geodrills.borders).",
    -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__nearest(void)
{
    return PyModule_Create(&module);
}
