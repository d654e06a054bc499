-- Neovim as an editor-agnostic LSP client: start flylint's server, wait for its diagnostics, apply
-- the preferred quick-fix of the first fixable one, and write the file. Results go to $OUT.
local out = assert(io.open(os.getenv('OUT'), 'w'))
local function log(s) out:write(s .. '\n'); out:flush() end
local cmd = { os.getenv('SERVER'), '--stdio' }
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = assert(vim.lsp.start_client({ name = 'flylint', cmd = cmd, root_dir = vim.fn.getcwd() }))
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then log('TIMEOUT'); vim.cmd('cquit 2') end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    log(string.format('DIAG %d:%d sev=%d [%s] %s %s', d.lnum + 1, d.col + 1, d.severity, tostring(d.source), tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.message))
  end
  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'deprecated' then target = d end
  end
  if not target then log('NO deprecated DIAG'); vim.cmd('cquit 4') end
  local lsp = target.user_data and target.user_data.lsp or {}
  local range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } }
  local diag = { range = range, message = target.message, severity = target.severity, source = target.source, code = lsp.code or target.code, data = lsp.data }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = range, context = { diagnostics = { diag } } }, 5000)
  local actions = res and res[client_id] and res[client_id].result or {}
  local chosen
  for _, a in ipairs(actions) do
    log('ACTION ' .. a.title .. ' preferred=' .. tostring(a.isPreferred))
    if a.isPreferred and not chosen then chosen = a end
  end
  if not chosen then vim.cmd('cquit 3') end
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  log('LINE after fix: ' .. vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1])
  vim.cmd('write')
  vim.lsp.stop_client(client_id)
  vim.cmd('qa!')
end })
