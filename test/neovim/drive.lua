-- Run with `-c` once init.lua has run and the first file on the command line is loaded. Opens
-- every file given on the command line, waits (polling, bounded) for the server's diagnostics,
-- then uses the server through Neovim the way the README's key mappings do: hover, code lens,
-- code actions, applying the "add all" fix. Writes what Neovim holds as JSON to
-- $OSAI_NVIM_OUT and quits. Reads its plan (positions, titles) as JSON from $OSAI_NVIM_PLAN.
-- Whatever happens, it writes a result and quits: an error ends up in the JSON as `error`.
-- The document version Neovim sends: `vim.lsp.util.buf_versions` up to 0.10, the buffer's
-- changedtick in later releases (which dropped that table).
local function buf_version(bufnr)
  local versions = vim.lsp.util.buf_versions
  if versions and versions[bufnr] then return versions[bufnr] end
  return vim.b[bufnr].changedtick
end

local out_path = vim.env.OSAI_NVIM_OUT or 'osai-nvim-result.json'
local wait_ms = tonumber(vim.env.OSAI_NVIM_WAIT_MS or '15000')
local plan, reports

local function wait_for(what, condition)
  if not vim.wait(wait_ms, condition, 20) then
    error(string.format('timed out after %d ms waiting for %s', wait_ms, what), 0)
  end
end

local function clients_of(bufnr)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  local list = {}
  for _, client in pairs(clients) do table.insert(list, client) end
  return list
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, wait_ms)
  if not responses then error(method .. ' got no answer: ' .. tostring(err), 0) end
  for _, response in pairs(responses) do
    if response.err then error(method .. ' failed: ' .. vim.inspect(response.err), 0) end
    return response.result
  end
  error(method .. ': no client answered', 0)
end

local function diagnostics_of(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code, source = d.source, message = d.message,
    })
  end
  return list
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

local function main()
  plan = vim.fn.json_decode((assert(vim.env.OSAI_NVIM_PLAN, 'OSAI_NVIM_PLAN is not set')))
  reports = assert(_G.osai_reports, 'probe.lua was not loaded (--cmd)')
  local result = { version = vim.version(), files = {} }
  local files, buffers, by_name = vim.fn.argv(), {}, {}
  for _, file in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local bufnr = vim.api.nvim_get_current_buf()
    table.insert(buffers, bufnr)
    by_name[file] = bufnr
  end

  wait_for('the diagnostics of every file', function()
    for _, bufnr in ipairs(buffers) do
      if not reports[bufnr] then return false end
    end
    return true
  end)

  for i, bufnr in ipairs(buffers) do
    local names, pull = {}, false
    for _, client in ipairs(clients_of(bufnr)) do
      table.insert(names, client.name)
      if client.server_capabilities and client.server_capabilities.diagnosticProvider then pull = true end
    end
    table.sort(names)
    table.insert(result.files, {
      name = files[i],
      filetype = vim.bo[bufnr].filetype,
      clients = names,
      serverPullsDiagnostics = pull,
      reports = reports[bufnr].count,
      diagnostics = diagnostics_of(bufnr),
    })
  end

  -- Hover (the README maps K to vim.lsp.buf.hover).
  local hover_buf = assert(by_name[plan.hover.file], 'hover: no such file ' .. plan.hover.file)
  local hover = request(hover_buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(hover_buf) },
    position = { line = plan.hover.line, character = plan.hover.character },
  })
  result.hover = hover and hover.contents or vim.NIL

  -- Code lens: entering a buffer refreshes it (the README's BufEnter autocmd).
  for _, f in ipairs(result.files) do
    local bufnr = by_name[f.name]
    vim.cmd('buffer ' .. bufnr)
    wait_for('the code lens of ' .. f.name, function() return #vim.lsp.codelens.get(bufnr) > 0 end)
    f.codeLens = {}
    for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
      table.insert(f.codeLens, { line = lens.range.start.line, title = lens.command and lens.command.title or vim.NIL })
    end
  end

  -- Code actions: vim.lsp.buf.code_action() on the line, as the README's <leader>ca runs it,
  -- with vim.ui.select standing in for the user: it records the offered titles and picks one.
  local fix_buf = assert(by_name[plan.fix.file], 'fix: no such file ' .. plan.fix.file)
  vim.cmd('buffer ' .. fix_buf)
  vim.api.nvim_win_set_cursor(0, { plan.fix.line + 1, 0 })
  local offered
  local chosen
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    local pick
    for i, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or tostring(item)
      table.insert(offered, title)
      if not pick and title:sub(1, #plan.fix.title) == plan.fix.title then pick = i end
    end
    chosen = pick and offered[pick] or nil
    on_choice(pick and items[pick] or nil, pick)
  end
  local before_fix = buf_version(fix_buf)
  vim.lsp.buf.code_action()
  wait_for('the code actions', function() return offered ~= nil end)
  result.codeActions = offered

  -- Neovim applied the chosen edit; the change goes to the server (didChange), which reports again
  -- for the new version.
  if chosen then
    wait_for('the diagnostics of the fixed text', function()
      local version = buf_version(fix_buf)
      return version ~= before_fix and reports[fix_buf].version == version
    end)
    result.afterFix = {
      title = chosen,
      text = buffer_text(fix_buf),
      diagnostics = diagnostics_of(fix_buf),
      version = buf_version(fix_buf),
    }
  end

  result.logPath = vim.lsp.get_log_path()
  result.messages = vim.fn.execute('messages')
  return result
end

local ok, value = xpcall(main, debug.traceback)
pcall(function()
  local output = ok and value or { error = tostring(value), messages = vim.fn.execute('messages'), logPath = vim.lsp.get_log_path() }
  vim.fn.writefile({ vim.fn.json_encode(output) }, out_path)
end)
vim.cmd('qall!')
