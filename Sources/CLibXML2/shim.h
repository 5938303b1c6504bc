#ifndef TABLEFIX_CLIBXML2_SHIM_H
#define TABLEFIX_CLIBXML2_SHIM_H

#include <string.h>
/* Debian builds libxml2 with ICU, so encoding.h includes ICU's unicode/ucnv.h, whose
 * UErrorCode clashes with the one Foundation's own ICU defines when a Swift module imports
 * both ("'UErrorCode' has different definitions in different modules", at random in clean
 * builds). tablefix never touches ICU converters (only pointers to encoding handlers), so
 * libxml2's headers are read without them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

/* xmlFree is a global function-pointer variable, which Swift 6 refuses to read. */
static inline void tablefix_xml_free(void *pointer) {
    if (pointer != NULL) {
        xmlFree(pointer);
    }
}

/* The first error a parser reported: its code, 1-based line and message. */
typedef struct {
    int isSet;
    int code;
    int line;
    int level;
    char message[256];
} tablefix_xml_error;

static inline void tablefix_copy_error(tablefix_xml_error *sink, const xmlError *error) {
    if (sink == NULL || error == NULL) {
        return;
    }
    /* Warnings are not failures; a fatal error replaces an earlier recoverable one. */
    if (error->level == XML_ERR_WARNING) {
        return;
    }
    if (sink->isSet && !(error->level == XML_ERR_FATAL && sink->level != XML_ERR_FATAL)) {
        return;
    }
    sink->isSet = 1;
    sink->code = error->code;
    sink->line = error->line;
    sink->level = (int)error->level;
    if (error->message != NULL) {
        strncpy(sink->message, error->message, sizeof(sink->message) - 1);
        sink->message[sizeof(sink->message) - 1] = '\0';
    } else {
        sink->message[0] = '\0';
    }
}

/* The structured error callback takes a const pointer from libxml2 2.12 on. */
#if LIBXML_VERSION >= 21200
static void tablefix_structured_error(void *userData, const xmlError *error) {
    tablefix_copy_error((tablefix_xml_error *)userData, error);
}
#else
static void tablefix_structured_error(void *userData, xmlErrorPtr error) {
    tablefix_copy_error((tablefix_xml_error *)userData, error);
}
#endif

/* Drops a message libxml2 would print to stderr itself: every error tablefix reports
   comes from a parser's own sink, with the file's name. */
static void tablefix_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* Silences libxml2's generic error output on the calling thread (its state is per thread). */
static inline void tablefix_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, tablefix_ignore_generic_error);
}

/* Sends a text reader's errors to `sink` instead of stderr. */
static inline void tablefix_reader_capture_errors(xmlTextReaderPtr reader, tablefix_xml_error *sink) {
    xmlTextReaderSetStructuredErrorHandler(reader, tablefix_structured_error, sink);
}

/* The parser context's own last error (never the global one), copied into `sink`. */
static inline void tablefix_context_error(xmlParserCtxtPtr context, tablefix_xml_error *sink) {
    if (context == NULL) {
        return;
    }
    tablefix_copy_error(sink, xmlCtxtGetLastError(context));
}

#endif
