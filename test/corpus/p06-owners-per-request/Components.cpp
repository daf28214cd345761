// The Fruit component that provides the Database.
#include "Database.h"
#include <fruit/fruit.h>

fruit::Component<Database> getDatabaseComponent() {
  return fruit::createComponent().registerProvider([] { return new Database(); });
}
