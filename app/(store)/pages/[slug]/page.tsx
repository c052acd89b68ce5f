import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RichText } from '@/components/content/rich-text';
import { getCachedPublishedPage } from '@/lib/store/content/cache';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = await getCachedPublishedPage(slug);
  if (!page) return { title: 'Page not found' };
  return {
    title: page.seoTitle ?? page.title,
    description: page.seoDescription,
    alternates: { canonical: `/pages/${page.slug}` },
    openGraph: { type: 'article', title: page.seoTitle ?? page.title, description: page.seoDescription, url: `/pages/${page.slug}` },
  };
}

// A content page the merchant wrote (about, shipping and returns, legal pages); drafts are not found.
export default async function ContentPage({ params }: Props) {
  const { slug } = await params;
  const page = await getCachedPublishedPage(slug);
  if (!page) notFound();
  return (
    <article aria-labelledby="page-title" className="space-y-6">
      <h1 id="page-title" className="text-3xl font-bold tracking-tight">
        {page.title}
      </h1>
      <RichText html={page.html} />
    </article>
  );
}
