// The monitor executable: its own process, its own Database.
#include "Database.h"

int main() {
  Database db;
#ifdef SECOND_DATABASE
  Database archive;
#endif
  return 0;
}
