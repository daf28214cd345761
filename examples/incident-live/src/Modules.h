// Each module hands out the database service its repositories use.
#pragma once
#include "PrismaService.h"

namespace app {
PrismaService &instance();
}
namespace users {
PrismaService &instance();
}
namespace orders {
PrismaService &instance();
}
