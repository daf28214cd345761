#include "Modules.h"

// The app module provides the database service...
PrismaService &app::instance() {
  static PrismaService Service;
  return Service;
}
