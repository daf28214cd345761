#include "Database.h"
#include <drogon/drogon.h>
#include <fruit/fruit.h>

fruit::Component<Database> getDatabaseComponent();

int main() {
  fruit::Injector<Database> injector(getDatabaseComponent);
  Database &db = injector.get<Database &>();
  (void)db;
  drogon::app().run();
}
