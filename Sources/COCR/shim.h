#ifndef TABLEFIX_COCR_SHIM_H
#define TABLEFIX_COCR_SHIM_H

/* libtesseract's C API: an engine, a picture, words with their boxes and confidences. */
#include <tesseract/capi.h>

#endif
