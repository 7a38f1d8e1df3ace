/**
 * The «Диск» tab: My Drive as a tree of folders and files (name, kind, last change) from
 * GET /api/files; a Google Doc (or a PDF made from one) opens in the preview pane, drawn from its
 * model (DriveDoc.tsx), with «Скачать .docx» / «PDF» links to /files/:id.docx and /files/:id.pdf.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Fragment, type JSX } from 'preact';
import type { DocModel } from '../../emulator/docs/model';
import type { DriveListing, FileKind } from '../server/drive';
import { DocPage } from './DriveDoc';

const KIND_LABEL: Record<FileKind, string> = {
  folder: 'Папка',
  document: 'Документ',
  pdf: 'PDF',
  spreadsheet: 'Таблица',
  form: 'Форма',
  file: 'Файл',
};

async function getJson<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new Error('Нет связи с сервером эмулятора. Он запущен?');
  }
  const text = await res.text();
  if (!res.ok) throw new Error(text.split(' / ')[0] || `Ошибка сервера ${res.status}`);
  return JSON.parse(text) as T;
}

interface TreeNode {
  item: DriveListing;
  children: TreeNode[];
}

/** Folders first, then by name (Russian collation). */
function buildTree(items: DriveListing[]): TreeNode[] {
  const nodes = new Map(items.map((item) => [item.id, { item, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (a: TreeNode, b: TreeNode) =>
    Number(b.item.kind === 'folder') - Number(a.item.kind === 'folder') ||
    a.item.name.localeCompare(b.item.name, 'ru', { numeric: true });
  const sort = (list: TreeNode[]) => {
    list.sort(order);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

interface RowsProps {
  nodes: TreeNode[];
  depth: number;
  collapsed: Set<string>;
  selected: string | null;
  onToggle(id: string): void;
  onOpen(item: DriveListing): void;
}

function Rows({ nodes, depth, collapsed, selected, onToggle, onOpen }: RowsProps): JSX.Element {
  return (
    <>
      {nodes.map(({ item, children }) => {
        const folder = item.kind === 'folder';
        const open = folder && !collapsed.has(item.id);
        return (
          <Fragment key={item.id}>
            <tr
              class={`drive-row${selected === item.id ? ' selected' : ''}`}
              data-testid="drive-item"
              data-kind={item.kind}
              aria-selected={selected === item.id}
            >
              <td class="drive-name" style={{ paddingLeft: `${8 + depth * 20}px` }}>
                <button
                  type="button"
                  class="drive-open"
                  title={item.name}
                  aria-expanded={folder ? open : undefined}
                  disabled={!folder && !item.preview}
                  onClick={() => (folder ? onToggle(item.id) : onOpen(item))}
                >
                  <span class="drive-caret" aria-hidden="true">
                    {folder ? (open ? '▾' : '▸') : ''}
                  </span>
                  <span class={`ficon ${item.kind}`} aria-hidden="true" />
                  <span class="drive-label">{item.name || 'Без названия'}</span>
                </button>
              </td>
              <td class="drive-kind muted">{KIND_LABEL[item.kind]}</td>
              <td class="drive-updated muted">{item.updated}</td>
              <td class="drive-links">
                {item.docx ? (
                  <a href={item.docx} download data-testid="file-docx">
                    .docx
                  </a>
                ) : null}
                {item.pdf ? (
                  <a href={item.pdf} download data-testid="file-pdf">
                    PDF
                  </a>
                ) : null}
                {item.download ? (
                  <a href={item.download} download data-testid="file-download">
                    Скачать
                  </a>
                ) : null}
              </td>
            </tr>
            {open ? (
              <Rows
                nodes={children}
                depth={depth + 1}
                collapsed={collapsed}
                selected={selected}
                onToggle={onToggle}
                onOpen={onOpen}
              />
            ) : null}
          </Fragment>
        );
      })}
    </>
  );
}

function Preview({ item }: { item: DriveListing }): JSX.Element {
  const [doc, setDoc] = useState<DocModel | null>(null);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setDoc(null);
    setErr(null);
    getJson<DocModel>(`/api/files/${encodeURIComponent(item.id)}/preview`).then(
      (d) => live && setDoc(d),
      (e: Error) => live && setErr(e.message),
    );
    return () => {
      live = false;
    };
  }, [item.id, item.updatedMs]);
  return (
    <section class="drive-preview" data-testid="drive-preview" aria-label={`Просмотр: ${item.name}`}>
      <div class="drive-preview-bar">
        <span class={`ficon ${item.kind}`} aria-hidden="true" />
        <span class="drive-preview-name" data-testid="preview-name">
          {item.name}
        </span>
        {item.docx ? (
          <a class="btn" href={item.docx} download data-testid="download-docx">
            Скачать .docx
          </a>
        ) : null}
        {item.pdf ? (
          <a class="btn primary" href={item.pdf} download data-testid="download-pdf">
            PDF
          </a>
        ) : null}
      </div>
      <div class="drive-preview-body">
        {err ? <p class="red">Не удалось открыть документ: {err}</p> : null}
        {!err && !doc ? <p class="muted">Загрузка…</p> : null}
        {doc ? <DocPage doc={doc} /> : null}
      </div>
    </section>
  );
}

export function DriveView(): JSX.Element {
  const [items, setItems] = useState<DriveListing[] | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const load = useCallback(() => {
    setErr(null);
    getJson<DriveListing[]>('/api/files').then(
      (list) => setItems(Array.isArray(list) ? list : []),
      (e: Error) => setErr(e.message),
    );
  }, []);
  useEffect(load, [load]);

  const tree = useMemo(() => buildTree(items ?? []), [items]);
  const selected = items?.find((i) => i.id === selectedId) ?? null;
  const toggle = (id: string) =>
    setCollapsed((c) => {
      const n = new Set(c);
      if (!n.delete(id)) n.add(id);
      return n;
    });

  return (
    <div class="drive-view" data-testid="files-view">
      <section class="drive-list" aria-label="Мой диск">
        <div class="drive-head">
          <h1>Мой диск</h1>
          <button type="button" class="btn" data-testid="drive-refresh" onClick={load}>
            Обновить
          </button>
        </div>
        {err ? <p class="red">Не удалось загрузить список: {err}</p> : null}
        {!err && items === null ? <p class="muted">Загрузка…</p> : null}
        {items && items.length === 0 ? (
          <p class="empty-state" data-testid="empty">
            Файлы появятся здесь, когда дополнение их создаст.
          </p>
        ) : null}
        {items && items.length > 0 ? (
          <table class="drive-table" data-testid="drive-tree">
            <thead>
              <tr>
                <th>Название</th>
                <th>Тип</th>
                <th>Изменён</th>
                <th>
                  <span class="sr-only">Скачать</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <Rows
                nodes={tree}
                depth={0}
                collapsed={collapsed}
                selected={selectedId}
                onToggle={toggle}
                onOpen={(item) => setSelectedId(item.id)}
              />
            </tbody>
          </table>
        ) : null}
      </section>
      {selected ? (
        <Preview item={selected} />
      ) : items && items.length > 0 ? (
        <section class="drive-preview empty-preview muted">Выберите документ, чтобы посмотреть его.</section>
      ) : null}
    </div>
  );
}
