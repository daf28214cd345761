#include "Modules.h"

PrismaService &users::instance() {
#ifndef INCIDENT_FIXED
  // ...and so does each feature module (bug 1): one more instance, one more
  // pool.
  static PrismaService Service;
  return Service;
#else
  // The fix: the feature modules use the app module's instance.
  return app::instance();
#endif
}
