// A TU that does not compile (a header the build generates is missing here):
// its facts are incomplete, and the run says so (exit code 3).
#include "generated/schema.h"
#include <soci/soci.h>

class AuditStore {
  soci::connection_pool pool_{4};
};
