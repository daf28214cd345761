#include "pools.h"
#include "reports.h"

void orders() { ordersPool(); }
void reports() { reportsPool(); }
