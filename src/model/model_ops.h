/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The model engine's dispatch of an op_call to the model's functions (model_ops.c). */
#ifndef MBVIZ_MODEL_OPS_H
#define MBVIZ_MODEL_OPS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/ops.h"

/*
 * Run @call on the current model, its result in @value; false for an op
 * id outside the table.  May leave through the armed trap (BUG()).
 */
bool model_run_op(const struct op_call *call, uint64_t *value);

#endif
