// OpenBLAS's CBLAS interface (Debian's libopenblas-dev puts cblas.h on the pkg-config include path).
#include <cblas.h>
