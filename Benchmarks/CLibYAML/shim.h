#ifndef STEWARD_CLIBYAML_SHIM_H
#define STEWARD_CLIBYAML_SHIM_H

#include <malloc.h>
#include <stddef.h>
#include <yaml.h>

/* Bytes the allocator has handed out and not taken back (glibc), for the memory figures. */
static inline size_t bench_heap_in_use(void) {
    return mallinfo2().uordblks;
}

/* The reference measurement: libyaml's event parser over a buffer, every event produced and
   freed, nothing kept. Returns the number of events, or -1 when libyaml reports an error. */
static inline long clibyaml_count_events(const unsigned char *input, size_t size) {
    yaml_parser_t parser;
    yaml_event_t event;
    long count = 0;
    if (!yaml_parser_initialize(&parser)) return -1;
    yaml_parser_set_input_string(&parser, input, size);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            count = -1;
            break;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        count++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return count;
}

#endif
