#include <zstd.h>
/* fastCover training with chosen parameters (exported by the shared libzstd). */
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>
