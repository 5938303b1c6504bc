#ifndef TABLEFIX_CPDF_SHIM_H
#define TABLEFIX_CPDF_SHIM_H

/*
 * MuPDF reports errors with setjmp/longjmp (fz_try/fz_catch), which must never unwind
 * through Swift frames. Every MuPDF call that can throw is made here, inside fz_try, by a
 * tf_ function that returns 0 on success and non-zero on failure; the message is then
 * fz_caught_message(ctx). Swift calls only these and MuPDF's non-throwing accessors.
 */

#include <stdlib.h>
#include <string.h>
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <math.h>

/* ---- A memory budget: every allocation of a context counts against a limit. ---- */

typedef struct {
    size_t used;
    size_t limit;
    size_t peak;
} tf_budget;

/* Each block carries its size in a 16-byte header, so that realloc and free can account. */
static void *tf_budget_malloc(void *user, size_t size) {
    tf_budget *budget = (tf_budget *)user;
    if (size > budget->limit || budget->used > budget->limit - size) return NULL;
    size_t *block = (size_t *)malloc(size + 16);
    if (block == NULL) return NULL;
    block[0] = size;
    budget->used += size;
    if (budget->used > budget->peak) budget->peak = budget->used;
    return (char *)block + 16;
}

static void tf_budget_free(void *user, void *pointer) {
    if (pointer == NULL) return;
    tf_budget *budget = (tf_budget *)user;
    size_t *block = (size_t *)((char *)pointer - 16);
    budget->used -= block[0];
    free(block);
}

static void *tf_budget_realloc(void *user, void *old, size_t size) {
    if (old == NULL) return tf_budget_malloc(user, size);
    if (size == 0) {
        tf_budget_free(user, old);
        return NULL;
    }
    tf_budget *budget = (tf_budget *)user;
    size_t *block = (size_t *)((char *)old - 16);
    size_t previous = block[0];
    if (size > previous && (size - previous > budget->limit || budget->used > budget->limit - (size - previous)))
        return NULL;
    size_t *grown = (size_t *)realloc(block, size + 16);
    if (grown == NULL) return NULL;
    grown[0] = size;
    budget->used = budget->used - previous + size;
    if (budget->used > budget->peak) budget->peak = budget->used;
    return (char *)grown + 16;
}

static void tf_quiet(void *user, const char *message) {
    (void)user;
    (void)message;
}

/* A context whose allocations stop at budget->limit bytes, keeping at most `store` bytes of
   cached resources; MuPDF's warnings and errors are not printed (they come back as values). */
/* MuPDF's handler of pictures as documents (PNG, JPEG, TIFF, GIF …): not in its public
   headers, but in the library; the only handler tablefix registers besides PDF's own. */
extern fz_document_handler img_document_handler;

static inline fz_context *tf_new_context(tf_budget *budget, size_t store) {
    fz_alloc_context alloc = {budget, tf_budget_malloc, tf_budget_realloc, tf_budget_free};
    fz_context *ctx = fz_new_context(&alloc, NULL, store);
    if (ctx == NULL) return NULL;
    fz_try(ctx) { fz_register_document_handler(ctx, &img_document_handler); }
    fz_catch(ctx) {
        fz_drop_context(ctx);
        return NULL;
    }
    fz_set_warning_callback(ctx, tf_quiet, NULL);
    fz_set_error_callback(ctx, tf_quiet, NULL);
    return ctx;
}

/* ---- Documents and pages. ---- */

enum { TF_OK = 0, TF_FAILED = 1, TF_ENCRYPTED = 2 };

/* Opens a PDF from bytes that must outlive the document. TF_ENCRYPTED when it needs a
   password (one that opens with the empty password is opened). */
static inline int tf_open_pdf(fz_context *ctx, const unsigned char *data, size_t length, fz_document **out) {
    fz_stream *stream = NULL;
    pdf_document *pdf = NULL;
    int status = TF_OK;
    fz_var(stream);
    fz_var(pdf);
    fz_var(status);
    fz_try(ctx) {
        stream = fz_open_memory(ctx, data, length);
        pdf = pdf_open_document_with_stream(ctx, stream);
        if (pdf_needs_password(ctx, pdf) && !pdf_authenticate_password(ctx, pdf, "")) status = TF_ENCRYPTED;
    }
    fz_always(ctx) { fz_drop_stream(ctx, stream); }
    fz_catch(ctx) {
        fz_drop_document(ctx, (fz_document *)pdf);
        return TF_FAILED;
    }
    if (status != TF_OK) {
        fz_drop_document(ctx, (fz_document *)pdf);
        return status;
    }
    *out = (fz_document *)pdf;
    return TF_OK;
}

/* Opens a picture (PNG, JPEG, TIFF, GIF: `type` its MIME type) from bytes that must outlive
   the document, as a document of one page that paints it. */
static inline int tf_open_picture(fz_context *ctx, const unsigned char *data, size_t length, const char *type,
                                  fz_document **out) {
    fz_stream *stream = NULL;
    fz_document *doc = NULL;
    fz_var(stream);
    fz_var(doc);
    fz_try(ctx) {
        stream = fz_open_memory(ctx, data, length);
        doc = fz_open_document_with_stream(ctx, type, stream);
    }
    fz_always(ctx) { fz_drop_stream(ctx, stream); }
    fz_catch(ctx) {
        fz_drop_document(ctx, doc);
        return TF_FAILED;
    }
    *out = doc;
    return TF_OK;
}

/* Whether MuPDF had to rebuild the file's cross-reference table (a damaged or cut file). */
static inline int tf_was_repaired(fz_context *ctx, fz_document *doc) {
    pdf_document *pdf = pdf_specifics(ctx, doc);
    return pdf != NULL && pdf_was_repaired(ctx, pdf);
}

static inline int tf_count_pages(fz_context *ctx, fz_document *doc, int *count) {
    fz_try(ctx) { *count = fz_count_pages(ctx, doc); }
    fz_catch(ctx) { return TF_FAILED; }
    return TF_OK;
}

/* Interprets page `number` once into a display list (page coordinates: points, origin top
   left, y down, the page's /Rotate applied); `bounds` receives the page's box. */
static inline int tf_load_page(fz_context *ctx, fz_document *doc, int number, fz_cookie *cookie, fz_rect *bounds,
                               fz_display_list **out) {
    fz_page *page = NULL;
    fz_display_list *list = NULL;
    fz_device *device = NULL;
    fz_var(page);
    fz_var(list);
    fz_var(device);
    fz_try(ctx) {
        page = fz_load_page(ctx, doc, number);
        *bounds = fz_bound_page(ctx, page);
        list = fz_new_display_list(ctx, *bounds);
        device = fz_new_list_device(ctx, list);
        fz_run_page(ctx, page, device, fz_identity, cookie);
        fz_close_device(ctx, device);
    }
    fz_always(ctx) {
        fz_drop_device(ctx, device);
        fz_drop_page(ctx, page);
    }
    fz_catch(ctx) {
        fz_drop_display_list(ctx, list);
        return TF_FAILED;
    }
    *out = list;
    return TF_OK;
}

/* The characters of a display list, with their boxes; no spaces are invented from gaps. */
static inline int tf_text(fz_context *ctx, fz_display_list *list, fz_cookie *cookie, fz_stext_page **out) {
    fz_stext_page *text = NULL;
    fz_device *device = NULL;
    fz_var(text);
    fz_var(device);
    fz_try(ctx) {
        fz_stext_options options;
        memset(&options, 0, sizeof options);
        options.flags = FZ_STEXT_INHIBIT_SPACES | FZ_STEXT_MEDIABOX_CLIP;
        text = fz_new_stext_page(ctx, fz_bound_display_list(ctx, list));
        device = fz_new_stext_device(ctx, text, &options);
        fz_run_display_list(ctx, list, device, fz_identity, fz_infinite_rect, cookie);
        fz_close_device(ctx, device);
    }
    fz_always(ctx) { fz_drop_device(ctx, device); }
    fz_catch(ctx) {
        fz_drop_stext_page(ctx, text);
        return TF_FAILED;
    }
    *out = text;
    return TF_OK;
}

/* ---- Geometry: the straight lines and the images a page paints. ---- */

/* A painted axis-aligned line or thin bar, or an image: its box in page coordinates. For an
   image, width and height are its pixels; for a line, 0. */
typedef struct {
    fz_rect box;
    int width;
    int height;
} tf_mark;

typedef struct {
    tf_mark *marks;
    int count;
    int capacity;
} tf_marks;

typedef struct {
    fz_device super;
    tf_marks rules;
    tf_marks images;
    int visible_glyphs;   /* glyphs the page paints, strokes or clips with */
    int invisible_glyphs; /* glyphs drawn invisibly (render mode 3: an OCR layer over a scan) */
} tf_geometry_device;

static void tf_marks_add(fz_context *ctx, tf_marks *marks, fz_rect box, int width, int height) {
    if (marks->count == marks->capacity) {
        int capacity = marks->capacity ? marks->capacity * 2 : 64;
        marks->marks = (tf_mark *)fz_realloc(ctx, marks->marks, sizeof(tf_mark) * (size_t)capacity);
        marks->capacity = capacity;
    }
    tf_mark mark = {box, width, height};
    marks->marks[marks->count++] = mark;
}

/* Lines thinner than this (points) are rules; thicker filled shapes give their edges. */
#define TF_RULE_THICKNESS 3.0f

typedef struct {
    fz_context *ctx;
    tf_geometry_device *device;
    fz_matrix ctm;
    float thickness; /* the stroke's width on the page; 0 when filling */
    fz_point start;  /* first point of the subpath */
    fz_point current;
    fz_rect bounds;  /* of the current subpath, in page coordinates */
    int straight;    /* the subpath has only horizontal and vertical segments */
    int points;
} tf_walk;

static void tf_walk_segment(tf_walk *walk, fz_point from, fz_point to) {
    fz_point a = fz_transform_point(from, walk->ctm);
    fz_point b = fz_transform_point(to, walk->ctm);
    float dx = fabsf(a.x - b.x), dy = fabsf(a.y - b.y);
    int horizontal = dy < 0.5f, vertical = dx < 0.5f;
    if (!horizontal && !vertical) walk->straight = 0;
    if (walk->thickness > 0 && (horizontal || vertical) && (dx > 0.5f || dy > 0.5f)) {
        float half = walk->thickness / 2;
        fz_rect box = {fminf(a.x, b.x), fminf(a.y, b.y), fmaxf(a.x, b.x), fmaxf(a.y, b.y)};
        if (horizontal) {
            box.y0 -= half;
            box.y1 += half;
        } else {
            box.x0 -= half;
            box.x1 += half;
        }
        tf_marks_add(walk->ctx, &walk->device->rules, box, 0, 0);
    }
}

static void tf_walk_point(tf_walk *walk, fz_point point) {
    fz_point p = fz_transform_point(point, walk->ctm);
    walk->bounds = fz_include_point_in_rect(walk->bounds, p);
    walk->points++;
}

/* A filled subpath: a thin straight shape is a rule; a thick rectangle gives its edges. */
static void tf_walk_finish(tf_walk *walk) {
    if (walk->thickness == 0 && walk->points >= 2 && walk->straight && !fz_is_empty_rect(walk->bounds)) {
        fz_rect b = walk->bounds;
        float w = b.x1 - b.x0, h = b.y1 - b.y0;
        if (w <= TF_RULE_THICKNESS || h <= TF_RULE_THICKNESS) {
            if (w > 0.5f || h > 0.5f) tf_marks_add(walk->ctx, &walk->device->rules, b, 0, 0);
        } else {
            fz_rect top = {b.x0, b.y0, b.x1, b.y0}, bottom = {b.x0, b.y1, b.x1, b.y1};
            fz_rect left = {b.x0, b.y0, b.x0, b.y1}, right = {b.x1, b.y0, b.x1, b.y1};
            tf_marks_add(walk->ctx, &walk->device->rules, top, 0, 0);
            tf_marks_add(walk->ctx, &walk->device->rules, bottom, 0, 0);
            tf_marks_add(walk->ctx, &walk->device->rules, left, 0, 0);
            tf_marks_add(walk->ctx, &walk->device->rules, right, 0, 0);
        }
    }
    walk->bounds = fz_empty_rect;
    walk->straight = 1;
    walk->points = 0;
}

static void tf_walk_moveto(fz_context *ctx, void *arg, float x, float y) {
    (void)ctx;
    tf_walk *walk = (tf_walk *)arg;
    tf_walk_finish(walk);
    walk->start = walk->current = fz_make_point(x, y);
    tf_walk_point(walk, walk->current);
}

static void tf_walk_lineto(fz_context *ctx, void *arg, float x, float y) {
    (void)ctx;
    tf_walk *walk = (tf_walk *)arg;
    fz_point to = fz_make_point(x, y);
    tf_walk_segment(walk, walk->current, to);
    tf_walk_point(walk, to);
    walk->current = to;
}

static void tf_walk_curveto(fz_context *ctx, void *arg, float x1, float y1, float x2, float y2, float x3, float y3) {
    (void)ctx;
    (void)x1;
    (void)y1;
    (void)x2;
    (void)y2;
    tf_walk *walk = (tf_walk *)arg;
    walk->straight = 0;
    walk->current = fz_make_point(x3, y3);
    tf_walk_point(walk, walk->current);
}

static void tf_walk_closepath(fz_context *ctx, void *arg) {
    (void)ctx;
    tf_walk *walk = (tf_walk *)arg;
    tf_walk_segment(walk, walk->current, walk->start);
    walk->current = walk->start;
}

static void tf_walk_rectto(fz_context *ctx, void *arg, float x0, float y0, float x1, float y1) {
    tf_walk_moveto(ctx, arg, x0, y0);
    tf_walk_lineto(ctx, arg, x1, y0);
    tf_walk_lineto(ctx, arg, x1, y1);
    tf_walk_lineto(ctx, arg, x0, y1);
    tf_walk_closepath(ctx, arg);
}

/* Near-white or transparent paint draws no visible line. */
static int tf_is_visible(fz_context *ctx, fz_colorspace *colorspace, const float *color, float alpha) {
    if (alpha < 0.2f) return 0;
    if (colorspace == NULL || color == NULL) return 1;
    float gray = 0;
    fz_convert_color(ctx, colorspace, color, fz_device_gray(ctx), &gray, NULL, fz_default_color_params);
    return gray < 0.85f;
}

static void tf_walk_path(fz_context *ctx, tf_geometry_device *device, const fz_path *path, fz_matrix ctm,
                         float thickness) {
    static const fz_path_walker walker = {
        tf_walk_moveto, tf_walk_lineto, tf_walk_curveto, tf_walk_closepath, NULL, NULL, NULL, tf_walk_rectto,
    };
    tf_walk walk;
    memset(&walk, 0, sizeof walk);
    walk.ctx = ctx;
    walk.device = device;
    walk.ctm = ctm;
    walk.thickness = thickness;
    walk.bounds = fz_empty_rect;
    walk.straight = 1;
    fz_walk_path(ctx, path, &walker, &walk);
    tf_walk_finish(&walk);
}

static void tf_geometry_fill_path(fz_context *ctx, fz_device *dev, const fz_path *path, int even_odd, fz_matrix ctm,
                                  fz_colorspace *colorspace, const float *color, float alpha, fz_color_params params) {
    (void)even_odd;
    (void)params;
    if (!tf_is_visible(ctx, colorspace, color, alpha)) return;
    tf_walk_path(ctx, (tf_geometry_device *)dev, path, ctm, 0);
}

static void tf_geometry_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path, const fz_stroke_state *stroke,
                                    fz_matrix ctm, fz_colorspace *colorspace, const float *color, float alpha,
                                    fz_color_params params) {
    (void)params;
    if (!tf_is_visible(ctx, colorspace, color, alpha)) return;
    float width = stroke ? stroke->linewidth : 1;
    float thickness = fmaxf(width * fz_matrix_expansion(ctm), 0.1f);
    if (thickness > TF_RULE_THICKNESS) return;
    tf_walk_path(ctx, (tf_geometry_device *)dev, path, ctm, thickness);
}

static void tf_geometry_fill_image(fz_context *ctx, fz_device *dev, fz_image *image, fz_matrix ctm, float alpha,
                                   fz_color_params params) {
    (void)alpha;
    (void)params;
    tf_geometry_device *device = (tf_geometry_device *)dev;
    tf_marks_add(ctx, &device->images, fz_transform_rect(fz_unit_rect, ctm), image->w, image->h);
}

static void tf_geometry_fill_image_mask(fz_context *ctx, fz_device *dev, fz_image *image, fz_matrix ctm,
                                        fz_colorspace *colorspace, const float *color, float alpha,
                                        fz_color_params params) {
    (void)colorspace;
    (void)color;
    tf_geometry_fill_image(ctx, dev, image, ctm, alpha, params);
}

static int tf_glyph_count(const fz_text *text) {
    int count = 0;
    for (fz_text_span *span = text->head; span != NULL; span = span->next) count += span->len;
    return count;
}

static void tf_geometry_fill_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm,
                                  fz_colorspace *colorspace, const float *color, float alpha, fz_color_params params) {
    (void)ctx; (void)ctm; (void)colorspace; (void)color; (void)alpha; (void)params;
    ((tf_geometry_device *)dev)->visible_glyphs += tf_glyph_count(text);
}

static void tf_geometry_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text, const fz_stroke_state *stroke,
                                    fz_matrix ctm, fz_colorspace *colorspace, const float *color, float alpha,
                                    fz_color_params params) {
    (void)stroke;
    tf_geometry_fill_text(ctx, dev, text, ctm, colorspace, color, alpha, params);
}

static void tf_geometry_clip_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm, fz_rect scissor) {
    (void)ctx; (void)ctm; (void)scissor;
    ((tf_geometry_device *)dev)->visible_glyphs += tf_glyph_count(text);
}

static void tf_geometry_clip_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                                         const fz_stroke_state *stroke, fz_matrix ctm, fz_rect scissor) {
    (void)stroke;
    tf_geometry_clip_text(ctx, dev, text, ctm, scissor);
}

static void tf_geometry_ignore_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm) {
    (void)ctx; (void)ctm;
    ((tf_geometry_device *)dev)->invisible_glyphs += tf_glyph_count(text);
}

/* The rules and images of a display list, and how many of its glyphs are drawn visibly and
   invisibly. Free the marks with tf_marks_drop. */
static inline int tf_geometry(fz_context *ctx, fz_display_list *list, fz_cookie *cookie, tf_marks *rules,
                              tf_marks *images, int *visible_glyphs, int *invisible_glyphs) {
    tf_geometry_device *device = NULL;
    fz_var(device);
    fz_try(ctx) {
        device = fz_new_derived_device(ctx, tf_geometry_device);
        device->super.fill_path = tf_geometry_fill_path;
        device->super.stroke_path = tf_geometry_stroke_path;
        device->super.fill_image = tf_geometry_fill_image;
        device->super.fill_image_mask = tf_geometry_fill_image_mask;
        device->super.fill_text = tf_geometry_fill_text;
        device->super.stroke_text = tf_geometry_stroke_text;
        device->super.clip_text = tf_geometry_clip_text;
        device->super.clip_stroke_text = tf_geometry_clip_stroke_text;
        device->super.ignore_text = tf_geometry_ignore_text;
        fz_run_display_list(ctx, list, &device->super, fz_identity, fz_infinite_rect, cookie);
        fz_close_device(ctx, &device->super);
    }
    fz_always(ctx) {
        if (device != NULL) {
            *rules = device->rules;
            *images = device->images;
            *visible_glyphs = device->visible_glyphs;
            *invisible_glyphs = device->invisible_glyphs;
        }
        fz_drop_device(ctx, &device->super);
    }
    fz_catch(ctx) {
        fz_free(ctx, rules->marks);
        fz_free(ctx, images->marks);
        memset(rules, 0, sizeof *rules);
        memset(images, 0, sizeof *images);
        return TF_FAILED;
    }
    return TF_OK;
}

static inline void tf_marks_drop(fz_context *ctx, tf_marks *marks) {
    fz_free(ctx, marks->marks);
    memset(marks, 0, sizeof *marks);
}

/* ---- Pixels. ---- */

/* Draws a display list through `ctm` (page points to pixels, any rotation) onto a white
   8-bit gray pixmap covering `area` (pixels). */
static inline int tf_render_gray(fz_context *ctx, fz_display_list *list, fz_matrix ctm, fz_irect area,
                                 fz_cookie *cookie, fz_pixmap **out) {
    fz_pixmap *pixmap = NULL;
    fz_device *device = NULL;
    fz_var(pixmap);
    fz_var(device);
    fz_try(ctx) {
        pixmap = fz_new_pixmap_with_bbox(ctx, fz_device_gray(ctx), area, NULL, 0);
        fz_clear_pixmap_with_value(ctx, pixmap, 255);
        device = fz_new_draw_device(ctx, fz_identity, pixmap);
        fz_run_display_list(ctx, list, device, ctm, fz_rect_from_irect(area), cookie);
        fz_close_device(ctx, device);
    }
    fz_always(ctx) { fz_drop_device(ctx, device); }
    fz_catch(ctx) {
        fz_drop_pixmap(ctx, pixmap);
        return TF_FAILED;
    }
    *out = pixmap;
    return TF_OK;
}

/* Decodes an image file's bytes (PNG, JPEG, GIF, BMP, TIFF, JPEG 2000 …), which must outlive
   the image; `width` and `height` receive its size in pixels before anything is decoded. */
static inline int tf_load_image(fz_context *ctx, const unsigned char *data, size_t length, fz_image **out, int *width,
                                int *height) {
    fz_buffer *buffer = NULL;
    fz_image *image = NULL;
    fz_var(buffer);
    fz_var(image);
    fz_try(ctx) {
        buffer = fz_new_buffer_from_shared_data(ctx, data, length);
        image = fz_new_image_from_buffer(ctx, buffer);
    }
    fz_always(ctx) { fz_drop_buffer(ctx, buffer); }
    fz_catch(ctx) { return TF_FAILED; }
    *width = image->w;
    *height = image->h;
    *out = image;
    return TF_OK;
}

/* Draws an image through `ctm` (the unit square to pixels) onto a white gray pixmap. */
static inline int tf_render_image_gray(fz_context *ctx, fz_image *image, fz_matrix ctm, fz_irect area, fz_pixmap **out) {
    fz_pixmap *pixmap = NULL;
    fz_device *device = NULL;
    fz_var(pixmap);
    fz_var(device);
    fz_try(ctx) {
        pixmap = fz_new_pixmap_with_bbox(ctx, fz_device_gray(ctx), area, NULL, 0);
        fz_clear_pixmap_with_value(ctx, pixmap, 255);
        device = fz_new_draw_device(ctx, fz_identity, pixmap);
        fz_fill_image(ctx, device, image, ctm, 1, fz_default_color_params);
        fz_close_device(ctx, device);
    }
    fz_always(ctx) { fz_drop_device(ctx, device); }
    fz_catch(ctx) {
        fz_drop_pixmap(ctx, pixmap);
        return TF_FAILED;
    }
    *out = pixmap;
    return TF_OK;
}

/* A gray pixmap as PNG bytes. */
static inline int tf_png(fz_context *ctx, fz_pixmap *pixmap, fz_buffer **out) {
    fz_try(ctx) { *out = fz_new_buffer_from_pixmap_as_png(ctx, pixmap, fz_default_color_params); }
    fz_catch(ctx) { return TF_FAILED; }
    return TF_OK;
}

/* A gray pixmap made from 8-bit samples (row by row, `stride` bytes apart), to encode as PNG. */
static inline int tf_pixmap_from_gray(fz_context *ctx, int width, int height, const unsigned char *samples,
                                      size_t stride, fz_pixmap **out) {
    fz_pixmap *pixmap = NULL;
    fz_var(pixmap);
    fz_try(ctx) {
        pixmap = fz_new_pixmap(ctx, fz_device_gray(ctx), width, height, NULL, 0);
        unsigned char *target = fz_pixmap_samples(ctx, pixmap);
        int target_stride = fz_pixmap_stride(ctx, pixmap);
        for (int y = 0; y < height; y++) memcpy(target + (size_t)y * target_stride, samples + (size_t)y * stride, width);
    }
    fz_catch(ctx) { return TF_FAILED; }
    *out = pixmap;
    return TF_OK;
}

#endif
