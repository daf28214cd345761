#include "utils/DsnValue.h"
